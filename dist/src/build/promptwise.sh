#!/bin/sh
# Promptwise: runs the server jar on the Java runtime that ships beside it, so that no Java need be installed.
#   promptwise check [PATH...]   promptwise report --html FILE [PATH...]   promptwise (the language server over stdio)
# PROMPTWISE_JAVA_OPTIONS adds JVM options after the runtime's built-in ones (so they win; a collector of its own
# replaces the built-in serial collector, since the JVM refuses two).

# This file's real folder, following symbolic links (for a link to it from a folder on PATH).
self=$0
while [ -L "$self" ]; do
  target=$(readlink "$self") || break
  case $target in
    /*) self=$target ;;
    *) self=${self%/*}/$target ;;
  esac
done
case $self in
  */*) bin=${self%/*} ;;
  *) bin=. ;;
esac
home=$(cd "$bin/.." && pwd -P) || exit 2
java=$home/runtime/bin/java
jar=$home/lib/promptwise.jar
archive=$home/lib/promptwise.jsa
own_collector=false
case " $PROMPTWISE_JAVA_OPTIONS " in
  *" -XX:+Use"*"GC "*) own_collector=true ;;
esac
# A command (check, report, import, prices) is a batch run of seconds: it compiles with C1 only, which spares the two
# cores the optimising compiler's work it would not live to use (a check of one prompt in 0.17 s against 0.23 s, of
# 10,000 prompts in 6.4-6.9 s against 7.3-7.9 s with a third less CPU; docs/performance.md), and collects with the
# parallel collector, which the built-in serial one's small heap held to 30 % free made a quarter slower over
# 10,000 prompts (4.8-4.9 s against 6.3-7.2 s; one prompt 171 ms either way). The language server (no arguments, or
# --stdio) runs for hours in little memory and keeps both compilers and the serial collector.
# PROMPTWISE_JAVA_OPTIONS comes after, so -XX:TieredStopAtLevel=4 there undoes the first; a collector of its own
# replaces either (the JVM refuses two, so the built-in one is switched off).
jit=
collector=
if [ $# -gt 0 ] && ! { [ $# -eq 1 ] && [ "$1" = --stdio ]; }; then
  jit=-XX:TieredStopAtLevel=1
  collector="-XX:-UseSerialGC -XX:+UseParallelGC"
fi
if [ "$own_collector" = true ]; then
  collector=-XX:-UseSerialGC
fi

# The class data archive was made with the jar opened on file descriptor 3 and named /dev/fd/3: Java 17 records an
# archive's class path as it was given and accepts it only under the same name, and /dev/fd/3 is the same name
# wherever the bundle is unpacked. Without /dev/fd the jar is named by its path, and the archive goes unused.
# shellcheck disable=SC2086
if [ -r "$jar" ] && [ -d /dev/fd ] && exec 3< "$jar" && [ -e /dev/fd/3 ]; then
  if [ -f "$archive" ]; then
    exec "$java" "-XX:SharedArchiveFile=$archive" -Xshare:auto $collector $jit $PROMPTWISE_JAVA_OPTIONS -cp /dev/fd/3 dev.promptwise.Main "$@"
  fi
  exec "$java" $collector $jit $PROMPTWISE_JAVA_OPTIONS -cp /dev/fd/3 dev.promptwise.Main "$@"
fi
exec "$java" $collector $jit $PROMPTWISE_JAVA_OPTIONS -cp "$jar" dev.promptwise.Main "$@"
