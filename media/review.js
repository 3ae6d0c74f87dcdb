// The review panel's script: renders the review the extension posts (DOM built with textContent only) and posts the user's actions back.
// @ts-check
(function () {
  // eslint-disable-next-line no-undef
  const vscode = acquireVsCodeApi();
  const root = /** @type {HTMLElement} */ (document.getElementById('review'));
  /** @type {any} */
  let view;
  const noteTimers = new Map();

  const states = [
    ['', 'Open'],
    ['answered', 'Answered'],
    ['not-applicable', 'Not applicable'],
    ['needs-work', 'Needs work'],
  ];

  /** @returns {HTMLElement} */
  function el(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (value === undefined || value === false) continue;
      if (name === 'className') node.className = value;
      else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children.flat()) {
      if (child === undefined || child === null || child === false) continue;
      node.append(typeof child === 'string' ? document.createTextNode(child) : child);
    }
    return node;
  }

  /** Text with `code` spans (the server's descriptions quote code in backticks). */
  function rich(text) {
    return String(text).split(/(`[^`]+`)/).filter(Boolean)
      .map((part) => (part.startsWith('`') && part.endsWith('`') && part.length > 2 ? el('code', {}, part.slice(1, -1)) : part));
  }

  /** A button that reveals a line of the snippet in the editor. */
  function lineButton(line, of, index) {
    return el('button', {
      type: 'button', className: 'line-link', 'data-of': of, 'data-index': index,
      'aria-label': `Line ${line}: reveal in the editor`, title: 'Reveal in the editor',
      onclick: () => vscode.postMessage({ type: 'reveal', of, index }),
    }, `Line ${line}`);
  }

  function section(id, title, ...content) {
    return el('section', { 'aria-labelledby': id }, el('h2', { id }, title), ...content);
  }

  function renderCode() {
    const lines = view.code.map((text, i) => el('span', { className: 'code-line' },
      el('span', { className: 'line-number', 'aria-hidden': 'true' }, String(view.firstLine + i)), text || ' '));
    return el('pre', { className: 'snippet', tabindex: '0', 'aria-label': `The snippet, ${view.lines}` }, el('code', {}, lines));
  }

  function renderQuestion(question, index) {
    const name = `question-${index}`;
    const noteId = `note-${index}`;
    const radios = states.map(([value, label]) => el('label', { className: `state state-${value || 'open'}` },
      el('input', {
        type: 'radio', name, value, checked: (question.state ?? '') === value,
        onchange: () => sendAnswer(index),
      }), label));
    return el('li', { className: 'question', 'data-state': question.state ?? 'open', id: name },
      el('fieldset', {},
        el('legend', {}, ...rich(question.text)),
        el('div', { className: 'question-meta' }, lineButton(question.line, 'question', index), el('span', { className: 'topic' }, question.topic)),
        el('div', { className: 'states', role: 'radiogroup', 'aria-label': 'Answer' }, radios),
        el('label', { className: 'note-label', for: noteId }, 'Note'),
        el('textarea', {
          id: noteId, rows: 2, placeholder: 'How is this handled? (kept with the snippet)',
          oninput: () => { clearTimeout(noteTimers.get(index)); noteTimers.set(index, setTimeout(() => sendAnswer(index), 400)); },
          onchange: () => sendAnswer(index),
        })));
  }

  function sendAnswer(index) {
    clearTimeout(noteTimers.get(index));
    const item = document.getElementById(`question-${index}`);
    if (!item) return;
    const checked = /** @type {HTMLInputElement | null} */ (item.querySelector('input[type=radio]:checked'));
    const note = /** @type {HTMLTextAreaElement} */ (item.querySelector('textarea')).value;
    const state = checked && checked.value ? checked.value : undefined;
    item.setAttribute('data-state', state ?? 'open');
    vscode.postMessage({ type: 'answer', index, state, note });
  }

  function renderLanguageModel() {
    if (!view.languageModel) return undefined;
    const body = el('div', { id: 'lm-body' });
    const result = section('lm-heading', 'Ask a language model',
      el('p', { className: 'hint' }, 'Nothing is sent until you press Send. You see exactly what will be sent first; secrets are redacted.'),
      el('button', { type: 'button', id: 'lm-prepare', onclick: () => vscode.postMessage({ type: 'lm-prepare' }) }, 'Ask a language model…'),
      body);
    if (view.critique) renderCritique(body, view.critique);
    return result;
  }

  function renderCritique(body, critique) {
    body.replaceChildren(
      el('h3', {}, `Critique by ${critique.model}`),
      el('div', { id: 'lm-output', className: 'critique', role: 'log', 'aria-live': 'polite', tabindex: '0' }, critique.text),
      el('p', { id: 'lm-state', className: 'hint' }, critiqueState(critique)),
      critique.state === 'streaming' ? el('button', { type: 'button', id: 'lm-cancel', onclick: () => vscode.postMessage({ type: 'lm-cancel' }) }, 'Stop') : undefined,
    );
  }

  function critiqueState(critique) {
    return ({ streaming: 'Answering…', done: 'Done.', cancelled: 'Stopped.', failed: `Failed: ${critique.error ?? 'unknown error'}` })[critique.state] ?? '';
  }

  function render() {
    const focusedId = document.activeElement && document.activeElement.id;
    const findings = view.findings.map((f, i) => el('li', { className: `finding severity-${f.severity}` },
      lineButton(f.line, 'finding', i), ' ', el('strong', {}, f.ruleId), ` (${[f.severity, ...f.cwe].join(', ')}) `, ...rich(f.message),
      f.fix ? el('span', { className: 'hint' }, ` Fix available: ${f.fix}.`) : undefined));
    const behaviours = view.behaviours.map((b, i) => el('li', {}, lineButton(b.line, 'behaviour', i), ' ', ...rich(b.description)));
    const flows = view.flows.map((f, i) => el('li', {},
      el('code', {}, f.source), ' (', lineButton(f.sourceLine, 'flow-source', i), ') → ', f.sink, ' (', lineButton(f.sinkLine, 'flow-sink', i), `): ${f.hazard}`,
      f.sanitized ? el('span', { className: 'hint' }, ', sanitized on the way') : undefined));
    const packages = view.packages.map((p, i) => el('li', {}, lineButton(p.line, 'package', i), ' ', el('code', {}, p.name), ` (${p.ecosystem}): ${p.status}`,
      p.lookalikeOf ? el('strong', {}, ` looks like ${p.lookalikeOf}`) : undefined));
    root.replaceChildren(
      el('header', {},
        el('h1', {}, 'Question this snippet'),
        el('p', { className: 'where' }, el('code', {}, view.file), `, ${view.lines}`),
        view.stale ? staleNotice() : undefined,
        el('div', { className: 'toolbar' },
          el('button', { type: 'button', id: 'copy', onclick: () => vscode.postMessage({ type: 'copy' }) }, 'Copy as review comment'),
          el('span', { id: 'status', role: 'status', 'aria-live': 'polite' }))),
      renderCode(),
      section('questions-heading', 'Questions',
        el('p', { id: 'progress', className: 'hint' }, view.progress),
        view.questions.length > 0
          ? el('ol', { className: 'questions' }, view.questions.map(renderQuestion))
          : el('p', {}, 'No security questions: the snippet does nothing that raises one.')),
      findings.length > 0 ? section('findings-heading', 'Findings', el('ul', {}, findings)) : undefined,
      behaviours.length > 0 ? section('behaviours-heading', 'What it does', el('ul', {}, behaviours)) : undefined,
      flows.length > 0 ? section('flows-heading', 'Untrusted data flows', el('ul', {}, flows)) : undefined,
      packages.length > 0 ? section('packages-heading', 'Packages', el('ul', {}, packages)) : undefined,
      renderLanguageModel(),
    );
    view.questions.forEach((q, i) => {
      const note = /** @type {HTMLTextAreaElement | null} */ (document.getElementById(`note-${i}`));
      if (note) note.value = q.note;
    });
    root.setAttribute('aria-busy', 'false');
    const again = focusedId && document.getElementById(focusedId);
    if (again) again.focus();
  }

  function staleNotice() {
    return el('p', { className: 'stale', role: 'status' }, 'The file changed since this review; line numbers may be off. ',
      el('button', { type: 'button', id: 'refresh', onclick: () => vscode.postMessage({ type: 'refresh' }) }, 'Review again'));
  }

  function applyAnswers(answers, progress) {
    answers.forEach((answer, i) => {
      view.questions[i].state = answer.state;
      view.questions[i].note = answer.note;
      const item = document.getElementById(`question-${i}`);
      if (!item) return;
      item.setAttribute('data-state', answer.state ?? 'open');
      // What the extension has stored (it sends answers back once they are kept).
      item.setAttribute('data-saved-state', answer.state ?? 'open');
      item.setAttribute('data-saved-note', answer.note);
      for (const radio of item.querySelectorAll('input[type=radio]')) {
        /** @type {HTMLInputElement} */ (radio).checked = /** @type {HTMLInputElement} */ (radio).value === (answer.state ?? '');
      }
      const note = /** @type {HTMLTextAreaElement} */ (item.querySelector('textarea'));
      // Never overwrite what the user is typing.
      if (document.activeElement !== note && !noteTimers.get(i)) note.value = answer.note;
    });
    view.progress = progress;
    const p = document.getElementById('progress');
    if (p) p.textContent = progress;
  }

  window.addEventListener('message', (event) => {
    const message = event.data;
    switch (message.type) {
      case 'review': view = message; render(); break;
      case 'answers': if (view) applyAnswers(message.answers, message.progress); break;
      case 'stale': {
        if (!view || view.stale) break;
        view.stale = true;
        document.querySelector('header .where')?.after(staleNotice());
        break;
      }
      case 'status': {
        const status = document.getElementById('status');
        if (status) status.textContent = message.text;
        break;
      }
      case 'lm-unavailable': {
        const body = document.getElementById('lm-body');
        if (body) body.replaceChildren(el('p', { role: 'status' }, message.reason));
        break;
      }
      case 'lm-preview': {
        const body = document.getElementById('lm-body');
        if (!body) break;
        body.replaceChildren(
          el('h3', {}, `This will be sent to ${message.model}`),
          el('pre', { id: 'lm-prompt', className: 'prompt', tabindex: '0', 'aria-label': 'The exact text that will be sent' }, message.prompt),
          el('div', { className: 'toolbar' },
            el('button', { type: 'button', id: 'lm-send', onclick: () => vscode.postMessage({ type: 'lm-send' }) }, `Send to ${message.model}`),
            el('button', { type: 'button', className: 'secondary', onclick: () => body.replaceChildren() }, 'Cancel')));
        document.getElementById('lm-send')?.focus();
        break;
      }
      case 'critique': {
        view.critique = message.critique;
        const body = document.getElementById('lm-body');
        if (body) renderCritique(body, message.critique);
        if (message.critique.state !== 'streaming') document.getElementById('lm-output')?.focus();
        break;
      }
      case 'critique-text': {
        const output = document.getElementById('lm-output');
        if (output) output.append(message.text);
        if (view.critique) view.critique.text += message.text;
        break;
      }
    }
  });

  vscode.postMessage({ type: 'ready' });
}());
