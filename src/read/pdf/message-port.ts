// pdf.js talks to its parser (the "worker" half) through a web-style port: postMessage plus addEventListener /
// removeEventListener of 'message' events carrying { data }. Node's worker_threads give an EventEmitter with
// on/off('message', data) instead, on both sides (the Worker here, parentPort in the thread). This adapts one to
// the other; both ends of the PDF reader's parser thread use it.

interface NodePort {
  postMessage(data: unknown, transfer?: never): void;
  on(event: 'message', listener: (data: unknown) => void): unknown;
  off(event: 'message', listener: (data: unknown) => void): unknown;
}

type Listener = (event: { data: unknown }) => void;

export function webPort(port: NodePort) {
  const listeners = new Map<Listener, (data: unknown) => void>();
  return {
    postMessage: (data: unknown, transfer?: Transferable[]) => port.postMessage(data, transfer as never),
    addEventListener: (_type: string, listener: Listener, options?: { signal?: AbortSignal }) => {
      const wrapped = (data: unknown) => listener({ data });
      listeners.set(listener, wrapped);
      port.on('message', wrapped);
      // pdf.js removes a document's listener by aborting the signal it registered it with.
      options?.signal?.addEventListener('abort', () => {
        port.off('message', wrapped);
        listeners.delete(listener);
      });
    },
    removeEventListener: (_type: string, listener: Listener) => {
      const wrapped = listeners.get(listener);
      if (wrapped) port.off('message', wrapped);
      listeners.delete(listener);
    },
  };
}
