// A message from another window is untrusted; one from the page's own worker is the page's own output.
const preview = document.getElementById('preview')!;
const markdownWorker = new Worker(new URL('./markdown-worker.ts', import.meta.url));

markdownWorker.onmessage = (event: MessageEvent<string>) => {
  // ok: xss
  preview.innerHTML = event.data;
};

function onEmbedMessage(event: MessageEvent) {
  // expect: xss
  preview.innerHTML = event.data.html;
}

export function listenForEmbeds(target: Window) {
  target.addEventListener('message', onEmbedMessage);
}
