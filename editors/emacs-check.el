;;; emacs-check.el --- Checks Promptwise in Emacs: eglot attaches to a prompt file and the diagnostics that arrive are printed.
;;
;; Run from the repository root:
;;   emacs --batch -l editors/emacs-check.el editors/fixtures/triage.prompty
;; The jar is server/target/promptwise.jar unless PROMPTWISE_SERVER_JAR names another one.  Emacs exits with status 0
;; once the server has published diagnostics for the file, and with status 1 when none arrived within 30 seconds, or
;; when PROMPTWISE_EXPECT_RULE names a rule id that none of them carries.
;; Eglot is built into Emacs 29; on Emacs 28 (Debian 12) install the package elpa-eglot, which package-initialize loads.

(require 'package)
(package-initialize)
(require 'eglot)
(require 'cl-lib)

(define-derived-mode prompty-mode text-mode "Prompty" "Major mode for Prompty files.")
(define-derived-mode dotprompt-mode text-mode "Dotprompt" "Major mode for Dotprompt files.")
(add-to-list 'auto-mode-alist '("\\.prompty\\'" . prompty-mode))
(add-to-list 'auto-mode-alist '("\\.prompt\\'" . dotprompt-mode))

(defvar promptwise-check-jar (or (getenv "PROMPTWISE_SERVER_JAR") (expand-file-name "server/target/promptwise.jar")))
(add-to-list 'eglot-server-programs
             `((prompty-mode dotprompt-mode)
               . ("java" "-XX:+UseSerialGC" "-Xms80m" "-Xmx1g" "-XX:NewRatio=1" "-XX:SurvivorRatio=2" "-XX:TargetSurvivorRatio=90" "-XX:MinHeapFreeRatio=10" "-XX:MaxHeapFreeRatio=30" "-Xss512k" "-XX:+ExitOnOutOfMemoryError" "-Xlog:disable" "-Xlog:all=warning:stderr"
                  "-jar" ,promptwise-check-jar
                  :initializationOptions (:defaultModel "gpt-4o-mini" :diagnostics (:debounceMs 0)))))
;; Eglot sends this whole after connecting, as workspace/didChangeConfiguration {"settings": {"promptwise": {...}}}.
(setq-default eglot-workspace-configuration '((:promptwise . (:defaultModel "gpt-4o-mini" :diagnostics (:debounceMs 0)))))

;; A file outside any version-controlled project still gets one: its own folder.
(add-hook 'project-find-functions (lambda (directory) (cons 'transient directory)) 90)

(defvar promptwise-check-file (expand-file-name (car command-line-args-left)) "The prompt file to check.")
(setq command-line-args-left nil)
(defvar promptwise-check-published nil "The diagnostics of the last publishDiagnostics for the file, or nil before any.")
(defvar promptwise-check-arrived nil "Whether publishDiagnostics arrived for the file.")

(cl-defmethod eglot-handle-notification :after
  (_server (_method (eql textDocument/publishDiagnostics)) &key uri diagnostics &allow-other-keys)
  (when (string= (expand-file-name (eglot--uri-to-path uri)) promptwise-check-file)
    (setq promptwise-check-arrived t
          promptwise-check-published diagnostics)))

(let* ((file promptwise-check-file)
       (buffer (find-file-noselect file))
       (waited 0))
  (with-current-buffer buffer
    (eglot-ensure)
    (run-hooks 'post-command-hook))
  (while (and (not promptwise-check-arrived) (< waited 60))
    (accept-process-output nil 0.5)
    (setq waited (1+ waited)))
  (if (not promptwise-check-arrived)
      (progn (princ (format "FAIL: no diagnostics were published for %s within 30 seconds\n" file))
             (kill-emacs 1))
    (princ (format "Promptwise published %d diagnostic(s) for %s\n" (length promptwise-check-published) file))
    (seq-doseq (diagnostic promptwise-check-published)
      (let ((start (plist-get (plist-get diagnostic :range) :start)))
        (princ (format "%d:%d %s %s: %s\n" (1+ (plist-get start :line)) (1+ (plist-get start :character))
                       (nth (or (plist-get diagnostic :severity) 0) '("?" "error" "warning" "information" "hint"))
                       (plist-get diagnostic :code) (plist-get diagnostic :message)))))
    (with-current-buffer buffer
      (ignore-errors (eglot-shutdown (eglot-current-server))))
    (let ((expected-rule (getenv "PROMPTWISE_EXPECT_RULE")))
      (if (or (null expected-rule) (string= expected-rule "")
              (seq-some (lambda (diagnostic) (equal (plist-get diagnostic :code) expected-rule)) promptwise-check-published))
          (kill-emacs 0)
        (princ (format "FAIL: no %s diagnostic arrived\n" expected-rule))
        (kill-emacs 1)))))
