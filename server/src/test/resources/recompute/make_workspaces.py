#!/usr/bin/env python3
"""Writes the workspaces of IndependentRecomputationTest: each prompt is composed from parts whose role (instruction,
example, format rule, variable) is known by construction, and recompute.yaml records that reading by line numbers."""
import os, random, json, shutil
random.seed(12)
ROOT = os.path.dirname(os.path.abspath(__file__))
for entry in os.listdir(ROOT):
    if os.path.isdir(os.path.join(ROOT, entry)):
        shutil.rmtree(os.path.join(ROOT, entry))
subjects = ["refund", "invoice", "shipment", "warranty", "account", "subscription", "claim", "policy", "order", "ticket",
            "payment", "dispute", "renewal", "cancellation", "upgrade", "voucher", "delivery", "return", "credit", "exchange"]
verbs = ["check", "confirm", "record", "verify", "note", "compare", "quote", "escalate", "summarise", "flag"]
objects = ["the customer's plan", "the date of purchase", "the amount charged", "the region of the account",
           "the last three messages", "the order number", "the carrier's tracking status", "the payment method",
           "the number of earlier contacts", "the product's serial number", "the promised delivery window",
           "the currency of the charge", "the tax rate that applied", "the discount code used"]
conds = ["when the amount is above 500 dollars", "if the customer asked twice", "unless the account is suspended",
         "when the purchase is older than 30 days", "if the ticket mentions a chargeback", "when the item arrived damaged",
         "if the customer is on the enterprise plan", "unless a manager already replied", "when the region is the EU",
         "if the order was split into several parcels"]
def policy(n, title):
    lines = [f"## {title}"]
    for i in range(1, n + 1):
        lines.append(f"{i}. For a {random.choice(subjects)} request, {random.choice(verbs)} {random.choice(objects)} "
                     f"{random.choice(conds)}, and say which rule you applied.")
    return lines
TICKETS = [("My invoice shows two charges for March.", '{"queue": "billing", "priority": "p2"}'),
           ("The dashboard has been down for an hour for our whole team.", '{"queue": "outage", "priority": "p1"}'),
           ("How do I add a second admin to our account?", '{"queue": "account", "priority": "p3"}'),
           ("The Slack integration stopped posting alerts yesterday.", '{"queue": "integrations", "priority": "p2"}'),
           ("I love the new reports page, thanks!", '{"queue": "feedback", "priority": "p3"}'),
           ("Our card was charged after we cancelled in May.", '{"queue": "billing", "priority": "p2"}')]

class Doc:
    def __init__(self): self.lines = []
    def add(self, *lines):
        start = len(self.lines) + 1
        for l in lines: self.lines.extend(l.split("\n"))
        return (start, len(self.lines))
    def text(self): return "\n".join(self.lines) + "\n"

def rng(r): return f"{r[0]}-{r[1]}" if r[0] != r[1] else f"{r[0]}"

def write(ws, path, text):
    p = os.path.join(ROOT, ws, path); os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, 'w') as f: f.write(text)

def manifest(ws, workloads, note):
    out = ["# " + note, "# A person's reading of this workspace, for IndependentRecomputationTest: which lines of each prompt",
           "# are a message's content, which of those are few-shot examples and format rules. Line numbers are 1-based.",
           "workloads:"]
    for w in workloads: out.append("  - " + json.dumps(w))
    write(ws, "recompute.yaml", "\n".join(out) + "\n")

FORMAT = ["Answer with a JSON object with the keys queue and priority, and nothing else.",
          "Output format: the JSON object only, without Markdown fences."]

def inline_examples(d, k, label="Ticket"):
    ranges = []
    for i, (t, a) in enumerate(TICKETS[:k]):
        ranges.append(rng(d.add(f"Example {i + 1}:", f"{label}: {t}", f"Answer: {a}")))
        d.add("")
    return ranges

# 1. OpenAI, Prompty, inline examples, strict JSON, a variable early in the system message, declared base.
d = Doc()
d.add("---", "name: triage", "model:", "  id: gpt-4o", "  provider: openai", "inputs:", "  - name: tier", "    kind: string",
      "  - name: ticket", "    kind: string", "---", "system:")
s0 = len(d.lines) + 1
d.add("Customer tier: {{tier}}", "You are the first-line triage assistant for Acme Cloud's support team.")
d.add(*policy(50, "Routing rules"))
fmt = [rng(d.add(FORMAT[0])), rng(d.add(FORMAT[1]))]
d.add("")
ex = inline_examples(d, 6)
s1 = len(d.lines)
d.add("user:")
u = d.add("{{ticket}}")
write("openai-prompty-inline", "prompts/triage.prompty", d.text())
write("openai-prompty-inline", "promptwise.yaml", """workloads:
  triage:
    prompt: prompts/triage.prompty
    model: gpt-4o
    traffic: { requestsPerDay: 250000, avgInputTokens: 120, avgOutputTokens: 40 }
    task: { outputFormat: json }
    requirements: { changeFrequency: monthly }
    data: { labeledExamples: 3000 }
    fineTuning: { baseModel: gpt-4o-mini }
""")
manifest("openai-prompty-inline", [dict(name="triage", prompt="prompts/triage.prompty", variable=r"\{\{\s*\w+\s*\}\}",
    messages=[dict(lines=f"{s0}-{s1}", examples=ex, format=fmt), dict(lines=rng(u))], strict=True, base="gpt-4o-mini")],
    "OpenAI gpt-4o, Prompty, six examples inside the system message, strict JSON, a variable on the first line, fine-tuning gpt-4o-mini")

# 2. OpenAI, GitHub Models .prompt.yml, examples as user/assistant pairs, long static system first, own model fine-tunable.
pol = policy(60, "Routing rules")
body = ["name: triage", "model: openai/gpt-4.1-mini", "messages:", "  - role: system", "    content: |"]
d = Doc(); d.add(*body)
s = d.add(*["      " + l for l in ["You are the first-line triage assistant for Acme Cloud's support team."] + pol + [FORMAT[0]]])
fmt_line = s[1]
msgs = [dict(lines=rng(s), format=[str(fmt_line)])]
for t, a in TICKETS[:4]:
    d.add("  - role: user", f"    content: '{t}'"); msgs.append(dict(text=t, example=True))
    d.add("  - role: assistant", f"    content: '{a}'"); msgs.append(dict(text=a, example=True))
d.add("  - role: user", "    content: '{{ticket}}'"); msgs.append(dict(text="{{ticket}}"))
write("openai-github-pairs", "prompts/triage.prompt.yml", d.text())
write("openai-github-pairs", "promptwise.yaml", """workloads:
  triage:
    prompt: prompts/triage.prompt.yml
    model: gpt-4.1-mini
    traffic: { requestsPerDay: 80000, avgInputTokens: 150, avgOutputTokens: 30 }
    task: { outputFormat: json }
    requirements: { changeFrequency: quarterly }
    data: { labeledExamples: 1200 }
""")
manifest("openai-github-pairs", [dict(name="triage", prompt="prompts/triage.prompt.yml", variable=r"\{\{\s*\w+\s*\}\}",
    messages=msgs, strict=True, base="gpt-4.1-mini")],
    "OpenAI gpt-4.1-mini, .prompt.yml, four examples as user/assistant message pairs, strict JSON, no baseModel: the model itself is fine-tunable")

def prompty(model_id, provider, static_lines, n_examples=0, fmt=False, tail_var=True, extra_front=()):
    """A Prompty file: a static system message (policy, optional format lines and examples) then a user message."""
    d = Doc()
    d.add("---", "name: assistant", "model:", f"  id: {model_id}", f"  provider: {provider}", *extra_front,
          "inputs:", "  - name: ticket", "    kind: string", "---", "system:")
    s0 = len(d.lines) + 1
    d.add("You are the first-line triage assistant for Acme Cloud's support team.")
    d.add(*static_lines)
    fr = [rng(d.add(FORMAT[0])), rng(d.add(FORMAT[1]))] if fmt else []
    d.add("")
    ex = inline_examples(d, n_examples) if n_examples else []
    s1 = len(d.lines)
    d.add("user:")
    u = d.add("Ticket: {{ticket}}")
    return d, [dict(lines=f"{s0}-{s1}", examples=ex, format=fr), dict(lines=rng(u))]

VAR = r"\{\{\s*\w+\s*\}\}"

# 3. Anthropic Sonnet 4.5 without a baseModel: no fine-tuned alternative; a 2,000-token prefix cached with writes.
d, msgs = prompty("claude-sonnet-4-5", "anthropic", policy(72, "Routing rules"), n_examples=3, fmt=True)
write("anthropic-sonnet-no-base", "prompts/triage.prompty", d.text())
write("anthropic-sonnet-no-base", "promptwise.yaml", """workloads:
  triage:
    prompt: prompts/triage.prompty
    model: claude-sonnet-4.5
    traffic: { requestsPerDay: 40000, avgInputTokens: 200, avgOutputTokens: 60 }
    task: { outputFormat: json, domain: insurance }
    requirements: { changeFrequency: quarterly }
    data: { labeledExamples: 2000 }
""")
manifest("anthropic-sonnet-no-base", [dict(name="triage", prompt="prompts/triage.prompty", variable=VAR, messages=msgs,
    strict=True, base=None)],
    "Anthropic claude-sonnet-4.5, Prompty, no baseModel: Anthropic's API fine-tunes no Claude model, so there is no fine-tuned figure; a 2,000-token prefix is cached")

# 4. Anthropic Haiku 4.5: a 3,000-token prefix is under its 4,096-token cache minimum.
d, msgs = prompty("claude-haiku-4-5", "anthropic", policy(110, "Routing rules"))
write("anthropic-haiku-cache-minimum", "prompts/triage.prompty", d.text())
write("anthropic-haiku-cache-minimum", "promptwise.yaml", """workloads:
  triage:
    prompt: prompts/triage.prompty
    model: claude-haiku-4.5
    traffic: { requestsPerDay: 20000, avgInputTokens: 150, avgOutputTokens: 80 }
    task: { outputFormat: markdown }
""")
manifest("anthropic-haiku-cache-minimum", [dict(name="triage", prompt="prompts/triage.prompty", variable=VAR,
    messages=msgs, strict=False, base=None)],
    "Anthropic claude-haiku-4.5: a prefix of about 3,000 tokens, under the 4,096-token minimum Haiku 4.5 caches")

# 5. Anthropic Sonnet 4 with a declared OpenAI base: fine-tuned on gpt-4o-mini, a model switch inside the saving.
d, msgs = prompty("claude-sonnet-4-20250514", "anthropic", policy(30, "Routing rules"), n_examples=5, fmt=True)
write("anthropic-declared-openai-base", "prompts/triage.prompty", d.text())
write("anthropic-declared-openai-base", "promptwise.yaml", """workloads:
  triage:
    prompt: prompts/triage.prompty
    model: claude-sonnet-4-20250514
    traffic: { requestsPerDay: 60000, avgInputTokens: 180, avgOutputTokens: 40 }
    task: { outputFormat: json }
    requirements: { changeFrequency: monthly }
    data: { labeledExamples: 800 }
    fineTuning: { baseModel: gpt-4o-mini }
""")
manifest("anthropic-declared-openai-base", [dict(name="triage", prompt="prompts/triage.prompty", variable=VAR,
    messages=msgs, strict=True, base="gpt-4o-mini")],
    "Anthropic claude-sonnet-4 with fineTuning.baseModel gpt-4o-mini: the fine-tuned figure is gpt-4o-mini's, and most of its saving is the model switch")

# 6. Google Gemini 2.5 Flash, Dotprompt, a 1,500-token prefix over the 1,024 minimum.
d = Doc()
d.add("---", "model: googleai/gemini-2.5-flash", "input:", "  schema:", "    thread: string", "---")
s = d.add("You summarise support threads for Acme Cloud's account managers.", *policy(52, "Summary rules"),
          "", "Thread:")
u = d.add("{{thread}}")
write("google-dotprompt", "prompts/summarize.prompt", d.text())
write("google-dotprompt", "promptwise.yaml", """workloads:
  summaries:
    prompt: prompts/summarize.prompt
    model: gemini-2.5-flash
    traffic: { requestsPerDay: 15000, avgInputTokens: 1800, avgOutputTokens: 150 }
    task: { outputFormat: markdown }
    requirements: { changeFrequency: weekly }
""")
manifest("google-dotprompt", [dict(name="summaries", prompt="prompts/summarize.prompt", variable=VAR,
    messages=[dict(lines=f"{s[0]}-{u[1]}")], strict=False, base=None)],
    "Google gemini-2.5-flash, Dotprompt, one user message whose first 1,500 tokens are static: cached implicitly")

# 7. LangChain few-shot prompt with inline examples, gpt-4o-mini.
words = [("happy", "sad"), ("tall", "short"), ("early", "late"), ("light", "heavy"), ("open", "closed")]
lc = ["_type: few_shot", "input_variables: [adjective]", "prefix: Give the antonym of every input word. Answer with one lowercase word.",
      "suffix: 'Input: {adjective}\\nOutput:'", "example_separator: \"\\n\\n\"", "example_prompt:", "  _type: prompt",
      "  input_variables: [input, output]", "  template: 'Input: {input}\\nOutput: {output}'", "examples:"]
for i, o in words: lc += [f"  - input: {i}", f"    output: {o}"]
write("langchain-few-shot", "prompts/antonyms.yaml", "\n".join(lc) + "\n")
rendered = ["Input: %s\nOutput: %s" % w for w in words]
text = "\n\n".join(["Give the antonym of every input word. Answer with one lowercase word."] + rendered + ["Input: {adjective}\nOutput:"])
write("langchain-few-shot", "promptwise.yaml", """workloads:
  antonyms:
    prompt: prompts/antonyms.yaml
    model: gpt-4o-mini
    traffic: { requestsPerDay: 300000, avgInputTokens: 3, avgOutputTokens: 2 }
    task: { outputFormat: label }
    requirements: { changeFrequency: yearly }
    data: { labeledExamples: 5000 }
""")
manifest("langchain-few-shot", [dict(name="antonyms", prompt="prompts/antonyms.yaml", variable=r"\{\w+\}",
    messages=[dict(text=text, examples_text=rendered)], strict=True, base="gpt-4o-mini")],
    "LangChain few_shot on gpt-4o-mini: the message is what LangChain renders (prefix, examples, suffix); the examples are their rendered text, not their YAML keys")

# 8. Only requestsPerDay: output and variable input are missing, so the figure is a lower bound.
d = Doc()
d.add("---", "model: openai/gpt-4o", "---")
s = d.add(*policy(20, "Refund rules"), "", "Customer message:")
u = d.add("{{message}}")
write("missing-traffic", "prompts/refunds.prompt", d.text())
write("missing-traffic", "promptwise.yaml", """workloads:
  refunds:
    prompt: prompts/refunds.prompt
    model: gpt-4o
    traffic: { requestsPerDay: 50000 }
""")
manifest("missing-traffic", [dict(name="refunds", prompt="prompts/refunds.prompt", variable=VAR,
    messages=[dict(lines=f"{s[0]}-{u[1]}")], strict=False, base="gpt-4o",
    missingInputs=["data.labeledExamples", "traffic.avgInputTokens", "traffic.avgOutputTokens"])],
    "Dotprompt on gpt-4o with only requestsPerDay: the monthly figure is the static prompt alone, a lower bound, and says which inputs are missing")

# 9. VS Code prompt file at low volume on gpt-4.1.
d = Doc()
d.add("---", "mode: agent", "model: GPT-4.1", "description: Drafts an escalation note", "---")
s = d.add("Draft an escalation note for the on-call engineer.", *policy(12, "Escalation rules"), "",
          "Incident: ${input:incident}")
write("vscode-low-volume", ".github/prompts/escalate.prompt.md", d.text())
write("vscode-low-volume", "promptwise.yaml", """workloads:
  escalations:
    prompt: .github/prompts/escalate.prompt.md
    model: gpt-4.1
    traffic: { requestsPerDay: 20, avgInputTokens: 900, avgOutputTokens: 400 }
    task: { outputFormat: markdown }
    requirements: { changeFrequency: daily }
    data: { labeledExamples: 300 }
""")
manifest("vscode-low-volume", [dict(name="escalations", prompt=".github/prompts/escalate.prompt.md",
    variable=r"\$\{input:\w+\}", messages=[dict(lines=f"{s[0]}-{s[1]}")], strict=False, base="gpt-4.1")],
    "VS Code prompt file on gpt-4.1 at 20 requests a day: fine-tuning costs far more than it saves")

# 10. A reasoning model: o4-mini with hidden reasoning tokens declared; its training is priced per hour (unknown).
d, msgs = prompty("o4-mini", "openai", policy(25, "Routing rules"), n_examples=2, fmt=True)
write("openai-reasoning", "prompts/triage.prompty", d.text())
write("openai-reasoning", "promptwise.yaml", """workloads:
  triage:
    prompt: prompts/triage.prompty
    model: o4-mini
    traffic: { requestsPerDay: 30000, avgInputTokens: 150, avgOutputTokens: 50, avgReasoningTokens: 600 }
    task: { outputFormat: json }
    requirements: { changeFrequency: monthly }
    data: { labeledExamples: 500 }
""")
manifest("openai-reasoning", [dict(name="triage", prompt="prompts/triage.prompty", variable=VAR, messages=msgs,
    strict=True, base="o4-mini")],
    "OpenAI o4-mini with 600 reasoning tokens a request billed as output; fine-tuning it is priced by the hour, so its training cost is unknown")

# 11. A declared base that cannot be fine-tuned: gpt-5.
d, msgs = prompty("gpt-5", "openai", policy(40, "Routing rules"), n_examples=4, fmt=True)
write("openai-unfinetunable-base", "prompts/triage.prompty", d.text())
write("openai-unfinetunable-base", "promptwise.yaml", """workloads:
  triage:
    prompt: prompts/triage.prompty
    model: gpt-5
    traffic: { requestsPerDay: 100000, avgInputTokens: 100, avgOutputTokens: 30 }
    task: { outputFormat: json }
    data: { labeledExamples: 4000 }
    fineTuning: { baseModel: gpt-5 }
""")
manifest("openai-unfinetunable-base", [dict(name="triage", prompt="prompts/triage.prompty", variable=VAR,
    messages=msgs, strict=True, base=None)],
    "OpenAI gpt-5 declared as its own fine-tuning base: OpenAI does not fine-tune gpt-5, so there is no fine-tuned figure")

# 12. Google Gemini 2.5 Flash-Lite, a prefix between 1,024 and its 2,048 minimum; strict label output.
d, msgs = prompty("gemini-2.5-flash-lite", "google", policy(55, "Tagging rules"), n_examples=2)
write("google-flash-lite-minimum", "prompts/tag.prompty", d.text())
write("google-flash-lite-minimum", "promptwise.yaml", """workloads:
  tags:
    prompt: prompts/tag.prompty
    model: gemini-2.5-flash-lite
    traffic: { requestsPerDay: 500000, avgInputTokens: 60, avgOutputTokens: 4 }
    task: { outputFormat: label }
""")
manifest("google-flash-lite-minimum", [dict(name="tags", prompt="prompts/tag.prompty", variable=VAR,
    messages=msgs, strict=True, base=None)],
    "Google gemini-2.5-flash-lite: a 1,600-token prefix, above 1,024 but under Flash-Lite's 2,048-token minimum, caches nothing")

import struct, zlib
def png(width, height):
    """A grey PNG of this size: what a workspace's image is, for the size its header gives."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))

def write_bytes(ws, path, data):
    p = os.path.join(ROOT, ws, path); os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, 'wb') as f: f.write(data)

# 13. OpenAI gpt-4o, Prompty: the expense policy is an input's ${file:…} default, tools in a JSON file, an image of the
# form in the user message before the question: all billed on every request, all in the cacheable prefix.
policy_text = "\n".join(policy(45, "Expense rules")) + "\n"
write("openai-prompty-files", "prompts/policy.txt", policy_text)
tools = [{"type": "function", "function": {"name": "lookup_expense", "description": "Look up an expense report by its id.",
          "parameters": {"type": "object", "properties": {
              "report_id": {"type": "string", "description": "The report's id, such as EXP-1234."},
              "currency": {"type": "string", "description": "The currency to convert to.", "enum": ["EUR", "USD", "GBP"]}},
              "required": ["report_id"]}}},
         {"type": "function", "function": {"name": "flag_expense", "description": "Flag an expense for review.",
          "parameters": {"type": "object", "properties": {
              "report_id": {"type": "string", "description": "The report's id."},
              "reason": {"type": "string", "description": "Why it needs review."}}}}}]
write("openai-prompty-files", "prompts/tools.json", json.dumps(tools, indent=2) + "\n")
write_bytes("openai-prompty-files", "prompts/form.png", png(1024, 768))
d = Doc()
d.add("---", "name: expenses", "model:", "  id: gpt-4o", "  provider: openai", "  parameters:", "    tools: ${file:tools.json}",
      "inputs:", "  policy:", "    type: string", "    default: ${file:policy.txt}", "  question:", "    type: string", "---",
      "system:")
s = d.add("You are the expense assistant of Acme Cloud. Apply the policy below.", "{{policy}}", "Answer in two sentences.")
d.add("")
d.add("user:")
u = d.add("![expense form](form.png)", "Question: {{question}}")
write("openai-prompty-files", "prompts/expenses.prompty", d.text())
write("openai-prompty-files", "promptwise.yaml", """workloads:
  expenses:
    prompt: prompts/expenses.prompty
    model: gpt-4o
    traffic: { requestsPerDay: 40000, avgInputTokens: 60, avgOutputTokens: 80 }
    task: { outputFormat: text }
    data: { labeledExamples: 800 }
    fineTuning: { baseModel: gpt-4o-mini }
""")
manifest("openai-prompty-files", [dict(name="expenses", prompt="prompts/expenses.prompty", variable=VAR,
    messages=[dict(lines=rng(s)), dict(lines=rng(u))], strict=False, base="gpt-4o-mini",
    files={"policy": "prompts/policy.txt"}, tools=dict(rule="openai", file="prompts/tools.json"),
    images=[dict(text="![expense form](form.png)", width=1024, height=768, rule="openai")])],
    "OpenAI gpt-4o, Prompty: a ${file:} input default, a tools file and a 1024x768 image, billed on every request and cacheable")

# 14. Anthropic Sonnet 4.5, Prompty: tools written inline in Anthropic's format, a 800x600 image in the system message
# (cacheable), and a remote image that cannot be priced (a lower bound, listed in missingInputs).
write_bytes("anthropic-prompty-tools", "prompts/logo.png", png(800, 600))
inline_tool = {"name": "lookup_order", "description": "Look up an order by its number.",
               "input_schema": {"type": "object", "properties": {
                   "order_number": {"type": "string", "description": "The order number."}}, "required": ["order_number"]}}
d = Doc()
d.add("---", "name: orders", "model:", "  id: claude-sonnet-4-5", "  provider: anthropic", "  parameters:", "    tools:",
      "      - name: lookup_order", "        description: Look up an order by its number.", "        input_schema:",
      "          type: object", "          properties:", "            order_number:", "              type: string",
      "              description: The order number.", "          required: [order_number]",
      "inputs:", "  - name: ticket", "    kind: string", "---", "system:")
s = d.add("![Acme logo](logo.png)", "You are the order assistant of Acme Cloud.", *policy(60, "Order rules"))
d.add("")
d.add("user:")
u = d.add("Ticket: {{ticket}}", "![receipt](https://example.com/receipt.png)")
write("anthropic-prompty-tools", "prompts/orders.prompty", d.text())
write("anthropic-prompty-tools", "promptwise.yaml", """workloads:
  orders:
    prompt: prompts/orders.prompty
    model: claude-sonnet-4.5
    traffic: { requestsPerDay: 30000, avgInputTokens: 90, avgOutputTokens: 120, avgReasoningTokens: 0 }
    task: { outputFormat: text }
""")
manifest("anthropic-prompty-tools", [dict(name="orders", prompt="prompts/orders.prompty", variable=VAR,
    messages=[dict(lines=rng(s)), dict(lines=rng(u))], strict=False, base=None,
    tools=dict(rule="anthropic", json=json.dumps([inline_tool], separators=(",", ":"))),
    images=[dict(text="![Acme logo](logo.png)", width=800, height=600, rule="anthropic"),
            dict(text="![receipt](https://example.com/receipt.png)", rule="unpriced")],
    unpriced=["image:https://example.com/receipt.png"])],
    "Anthropic claude-sonnet-4.5, Prompty: inline tools (346 system tokens plus their JSON), a cacheable 800x600 image, a remote image left unpriced")
