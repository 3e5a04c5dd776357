  /* Shared by the room's pages: text is put on screen as text (never as markup), and news is
     followed by asking the server again and again; it answers at once when there is news since
     `seen`, else after ~20 seconds. */
  const $ = (id) => document.getElementById(id);
  const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
  // a wait between tries that ends early when the browser says the connection is back
  const pause = (ms) => new Promise((done) => {
    const back = () => { clearTimeout(timer); done(); };
    const timer = setTimeout(() => { window.removeEventListener("online", back); done(); }, ms);
    window.addEventListener("online", back, { once: true });
  });
  const el = (tag, cls, text) => {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  };

  /* `onNews(data)` handles each answer and returns the `seen` to ask with next (a number, or the
     query's parameters: {seen, mark}); `refused(status)`
     returns true for an answer that retrying cannot change, which ends the loop. `trouble` is told
     how it goes: an element is shown from the second failure in a row on and hidden on success; or
     an object with `failed(count)`, `recovered()` and `ended()` (the server said it is stopping:
     `ended: true`). Failures wait longer each time (up to 10 s, or until the browser is back online);
     after `ended`, 5 s at least. */
  async function follow(path, onNews, refused, trouble) {
    const report = trouble instanceof Element
      ? { failed: (count) => { if (count > 1) trouble.hidden = false; }, recovered: () => { trouble.hidden = true; }, ended: () => {} }
      : trouble;
    let seen = -1;
    let failures = 0;
    for (;;) {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), 35000);
      try {
        const query = new URLSearchParams(typeof seen === "object" ? seen : { seen });
        const response = await fetch(path + "?" + query, { cache: "no-store", signal: controller.signal });
        if (refused(response.status)) return;
        if (!response.ok) throw new Error("status " + response.status);
        const data = await response.json();
        failures = 0;
        report.recovered();
        seen = onNews(data);
        if (data.ended) {
          report.ended();
          seen = -1;  // a room started again counts its news afresh: its first answer must not wait for more
          await sleep(5000);  // the server is going: ask again later, in case it comes back
        }
      } catch (error) {
        failures += 1;
        report.failed(failures);
        await pause(Math.min(10000, 500 * 2 ** Math.min(failures, 5)));
      } finally {
        clearTimeout(timer);
      }
    }
  }
