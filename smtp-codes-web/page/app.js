"use strict";
// The page: loads the explainer (smtp-codes-web compiled to WebAssembly, gzip-compressed and
// inlined below by scripts/web.sh), hands it what is pasted, and renders the JSON it returns.
// All interpretation is in Rust; this only draws. Nothing is fetched: the module is in the page.
(async () => {
  const WASM_GZIP_BASE64 = "__WASM_GZIP_BASE64__";

  const $ = (id) => document.getElementById(id);
  const status = $("status");

  /** An element with text and attributes; text is never parsed as HTML. */
  function el(tag, text, attributes) {
    const element = document.createElement(tag);
    if (text !== undefined && text !== null) element.textContent = String(text);
    for (const [name, value] of Object.entries(attributes || {})) element.setAttribute(name, value);
    return element;
  }

  let exports;
  try {
    const packed = Uint8Array.from(atob(WASM_GZIP_BASE64), (c) => c.charCodeAt(0));
    const stream = new Blob([packed]).stream().pipeThrough(new DecompressionStream("gzip"));
    const bytes = await new Response(stream).arrayBuffer();
    exports = (await WebAssembly.instantiate(bytes, {})).instance.exports;
  } catch (error) {
    status.textContent = "This browser cannot run the explainer (it needs WebAssembly and DecompressionStream): " + error;
    return;
  }

  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  /** The JSON the module wrote to its output buffer. */
  const output = (len) =>
    JSON.parse(decoder.decode(new Uint8Array(exports.memory.buffer, exports.smtp_codes_output(), len)));

  /** Explains `bytes` (a Uint8Array), answering `command` ("" when not known). */
  function explain(bytes, command) {
    const name = encoder.encode(command);
    const total = name.length + bytes.length;
    const at = exports.smtp_codes_input(total);
    const input = new Uint8Array(exports.memory.buffer, at, total);
    input.set(name);
    input.set(bytes, name.length);
    return output(exports.smtp_codes_explain(name.length));
  }

  const tables = output(exports.smtp_codes_tables());

  // The commands a reply answers.
  const command = $("command");
  for (const name of tables.commands) {
    const label = name === "greeting" ? "the greeting (on connection)" : name === "end-of-data" ? "the end of the message data (after DATA)" : name;
    command.append(el("option", label, { value: name }));
  }

  // The tables of codes.
  const codeRows = $("code-table").tBodies[0];
  for (const code of tables.codes) {
    const row = el("tr", null, { id: String(code.code) });
    const head = el("th", null, { scope: "row" });
    head.append(el("a", code.code, { href: "#" + code.code }));
    row.append(
      head,
      el("td", code.meaning),
      el("td", code.class_digit + "yz " + code.class_plain),
      el("td", code.retryable ? "yes" : "no"),
      el("td", code.reference),
    );
    codeRows.append(row);
  }
  const statusRows = $("status-table").tBodies[0];
  for (const entry of tables.statuses) {
    const row = el("tr", null, { id: entry.code });
    const head = el("th", null, { scope: "row" });
    head.append(el("a", entry.code, { href: "#" + entry.code }));
    row.append(el("td", entry.title), el("td", entry.basic_codes.join(", ")), el("td", entry.reference));
    row.prepend(head);
    statusRows.append(row);
  }
  const allRows = [...codeRows.rows, ...statusRows.rows];
  const shown = $("shown");
  function filter() {
    const query = $("search").value.trim().toLowerCase();
    let count = 0;
    for (const row of allRows) {
      const match = query === "" || row.textContent.toLowerCase().includes(query);
      row.hidden = !match;
      if (match) count += 1;
    }
    shown.textContent = query === "" ? "" : count + " of " + allRows.length + " rows match.";
  }
  $("search").addEventListener("input", filter);

  /** Shows the row the address names (#550, #X.1.1), even when rows came after the page. */
  function target() {
    for (const row of document.querySelectorAll("tr.target")) row.classList.remove("target");
    const id = decodeURIComponent(location.hash.slice(1));
    const row = id && document.getElementById(id);
    if (row && row.tagName === "TR") {
      if (row.hidden) {
        $("search").value = "";
        filter();
      }
      row.classList.add("target");
      row.scrollIntoView({ block: "center" });
    }
  }
  window.addEventListener("hashchange", target);
  target();

  // The explanation.
  const result = $("result");

  /** A fact: a term and its description (text, or nodes). */
  function fact(list, term, ...description) {
    if (description.length === 0 || description[0] === null || description[0] === undefined) return;
    const dd = el("dd");
    dd.append(...description.map((part) => (typeof part === "string" ? document.createTextNode(part) : part)));
    list.append(el("dt", term), dd);
  }

  function renderItem(item) {
    const article = el("article", null, { class: "item", "data-verdict": item.verdict.kind });
    article.append(el("h3", item.heading));
    article.append(el("p", item.verdict.headline, { class: "headline" }));
    article.append(el("p", item.verdict.detail, { class: "detail" }));
    if (item.lines.length > 0) {
      const heading = !item.recipient ? "The reply, line by line" : item.recipient.source === "text" ? "What the bounce says" : "What the server answered";
      article.append(el("h4", heading));
      article.append(el("pre", item.lines.join("\n")));
    }
    const facts = el("dl", null, { class: "facts" });
    const recipient = item.recipient;
    if (recipient) {
      fact(facts, "Address", recipient.address || "not named");
      fact(facts, "Address as sent", recipient.original_address);
      const actions = { failed: "failed (the server gave up)", delayed: "delayed (the server keeps trying)", delivered: "delivered", relayed: "relayed (passed on to a server that sends no report)", expanded: "expanded (delivered to a list's members)" };
      if (recipient.action) {
        fact(facts, "Action", (actions[recipient.action] || recipient.action) + (recipient.action_stated ? "" : "; read from the bounce's words"));
      }
      fact(facts, "Status", recipient.status);
      fact(facts, "Server that answered", recipient.remote_mta);
      fact(facts, "Reported by", recipient.reporting_mta);
      fact(facts, "Last attempt", recipient.date);
      fact(facts, "Diagnostic type", recipient.diagnostic_type);
    }
    const code = item.code;
    if (code) {
      const link = code.known ? el("a", code.code, { href: "#" + code.code }) : el("span", code.code);
      fact(facts, "Reply code", link, " " + code.meaning + (code.reference ? " (" + code.reference + ")" : ""));
      fact(facts, "Class", code.class_digit + "yz " + code.class_name + ": " + code.class_plain);
      fact(facts, "Category", "x" + code.category_digit + "z " + (code.category || "none (the second digit is above 5)"));
    }
    const enhanced = item.enhanced;
    if (enhanced) {
      const registry = enhanced.title ? "X." + enhanced.code.split(".").slice(1).join(".") : null;
      const link = registry ? el("a", enhanced.code, { href: "#" + registry }) : el("span", enhanced.code);
      const title = enhanced.title ? enhanced.title + " (" + enhanced.reference + ")" : "not in the IANA registry";
      fact(facts, "Enhanced status", link, " " + title + "; " + enhanced.class_name + ", " + (enhanced.subject || "unknown subject"));
    }
    if (item.command) {
      fact(facts, "In reply to", item.command.name + (item.command.source === "text" ? " (named in the text)" : " (chosen)"));
    }
    const advice = item.advice;
    if (advice) {
      const words = { Success: "success", Continue: "go on", RetryLater: "retry later", FailPermanently: "do not retry the same request" }[advice.decision];
      fact(facts, "Advice", words + (advice.closing ? "; the server closes the connection" : "") + ". " + advice.rule);
    }
    const diagnosis = item.diagnosis;
    if (diagnosis) {
      fact(facts, "Reason", diagnosis.reason + ": " + diagnosis.description);
      fact(facts, "Remove the address?", diagnosis.hard ? "yes (a hard bounce)" : "no (a soft bounce)");
      fact(facts, "Decided by", diagnosis.rule);
    }
    if (facts.children.length > 0) article.append(facts);
    const ehlo = item.ehlo;
    if (ehlo) {
      article.append(el("h4", "What the server " + (ehlo.domain || "") + " supports"));
      if (ehlo.capabilities.length === 0) {
        article.append(el("p", "No extensions: a one-line reply to EHLO."));
      } else {
        const table = el("table", null, { class: "capabilities" });
        const head = el("tr");
        head.append(el("th", "Line", { scope: "col" }), el("th", "What it is", { scope: "col" }), el("th", "Defined in", { scope: "col" }));
        const thead = el("thead");
        thead.append(head);
        const tbody = el("tbody");
        for (const capability of ehlo.capabilities) {
          const row = el("tr");
          const what = capability.description
            ? capability.description + (capability.note ? ": " + capability.note : "")
            : "not in the IANA registry (a private or vendor extension)";
          row.append(el("th", capability.line, { scope: "row" }), el("td", what), el("td", capability.reference || ""));
          tbody.append(row);
        }
        table.append(thead, tbody);
        const scroll = el("div", null, { class: "scroll" });
        scroll.append(table);
        article.append(scroll);
      }
    }
    return article;
  }

  /** A whole email: what it is and what to do, then what it says of the message it is about. */
  function renderEmail(email) {
    const article = el("article", null, { class: "item email", "data-verdict": email.verdict.kind, "data-kind": email.kind });
    article.append(el("h3", "The email: " + (email.subject || "no subject")));
    article.append(el("p", email.verdict.headline, { class: "headline" }));
    article.append(el("p", email.verdict.detail, { class: "detail" }));
    const facts = el("dl", null, { class: "facts" });
    fact(facts, "From", email.from);
    fact(facts, "Date", email.date);
    fact(facts, "Written as", email.format_plain);
    fact(facts, "Reported by", email.reporting_mta);
    const complaint = email.complaint;
    if (complaint) {
      fact(facts, "Complaint", complaint.feedback_type);
      fact(facts, "Who complained", complaint.recipient);
      fact(facts, "Envelope sender", complaint.original_mail_from);
      fact(facts, "Sent from (IP address)", complaint.source_ip);
      fact(facts, "Received", complaint.arrival_date);
      fact(facts, "Reported domain", complaint.reported_domain);
      fact(facts, "Report written by", complaint.user_agent);
    }
    if (facts.children.length > 0) article.append(facts);
    const original = email.original;
    if (original) {
      article.append(el("h4", "The message it is about"));
      const ids = el("dl", null, { class: "facts original" });
      fact(ids, "Message-ID", original.message_id);
      fact(ids, "Subject", original.subject);
      fact(ids, "From", original.from);
      fact(ids, "To", original.to);
      fact(ids, "Date", original.date);
      fact(ids, "Envelope sender (MAIL FROM)", original.envelope_sender);
      fact(ids, "Envelope id (ENVID)", original.envelope_id);
      fact(ids, "Recipient in the envelope sender (VERP)", original.verp_recipient);
      article.append(ids);
    }
    return article;
  }

  let fileBytes = null;
  function show() {
    const bytes = fileBytes || encoder.encode($("input").value);
    const explanation = explain(bytes, command.value);
    if (explanation.input === "empty") {
      result.hidden = true;
      return;
    }
    result.hidden = false;
    result.dataset.input = explanation.input;
    $("summary").textContent = explanation.summary;
    const error = $("error");
    error.hidden = !explanation.error;
    error.textContent = explanation.error || "";
    $("email").replaceChildren(...(explanation.email ? [renderEmail(explanation.email)] : []));
    $("items").replaceChildren(...explanation.items.map(renderItem));
    $("notes").replaceChildren(...explanation.notes.map((note) => el("li", note)));
  }

  let pending = 0;
  $("input").addEventListener("input", () => {
    fileBytes = null;
    clearTimeout(pending);
    pending = setTimeout(show, 150);
  });
  $("input").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      show();
    }
  });
  command.addEventListener("change", show);
  $("form").addEventListener("submit", (event) => {
    event.preventDefault();
    show();
  });
  $("file").addEventListener("change", async () => {
    const file = $("file").files[0];
    if (!file) return;
    fileBytes = new Uint8Array(await file.arrayBuffer());
    $("input").value = new TextDecoder().decode(fileBytes);
    show();
  });

  // Examples, written for this page in the formats servers and MTAs use.
  const examples = [
    ["Unknown user", "550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown in local recipient table"],
    ["Try again later", "421 4.7.0 mx.example.com Error: too many connections from 192.0.2.1"],
    ["Block list", "554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org"],
    ["Mailbox full, in a log", "Dec  4 15:08:01 mail postfix/smtp[4242]: 4ABC123: to=<bob@example.com>, relay=mx.example.com[192.0.2.1]:25, delay=0.5, dsn=5.2.2, status=bounced (host mx.example.com[192.0.2.1] said: 552 5.2.2 <bob@example.com>: Mailbox full (in reply to RCPT TO command))"],
    ["Reply to EHLO", "250-mx.example.com Hello\n250-PIPELINING\n250-SIZE 10240000\n250-STARTTLS\n250-ENHANCEDSTATUSCODES\n250-8BITMIME\n250 SMTPUTF8"],
    ["Bounce report", "Reporting-MTA: dns; mail.example.net\n\nFinal-Recipient: rfc822; bob@example.com\nAction: failed\nStatus: 5.1.1\nRemote-MTA: dns; mx.example.com\nDiagnostic-Code: smtp; 550 5.1.1 <bob@example.com>: Recipient address\n    rejected: User unknown in virtual mailbox table\n\nFinal-Recipient: rfc822; carol@example.org\nAction: delayed\nStatus: 4.4.1\nDiagnostic-Code: X-Postfix; connect to mx.example.org[198.51.100.7]:25: Connection timed out"],
  ];
  for (const [label, text] of examples) {
    const button = el("button", label, { type: "button" });
    button.addEventListener("click", () => {
      $("input").value = text;
      fileBytes = null;
      show();
    });
    $("examples").append(button);
  }

  status.textContent = "Ready.";
  document.body.dataset.ready = "true";
  if ($("input").value.trim() !== "") show();
})();
