/** Reads an open `realtime.feed` in the background: the chat messages' bodies so far, and how it ended (`'returned'` or the error). */
export function readFeed(stream: AsyncIterable<unknown>): { bodies: string[]; ended: Promise<unknown> } {
  const bodies: string[] = [];
  const ended = (async (): Promise<unknown> => {
    try {
      for await (const item of stream) {
        const event = (Array.isArray(item) ? item[1] : item) as { type: string; payload: { message?: { body: string } } };
        if (event.type === 'chat.message' && event.payload.message) bodies.push(event.payload.message.body);
      }
      return 'returned';
    } catch (error) {
      return error;
    }
  })();
  return { bodies, ended };
}
