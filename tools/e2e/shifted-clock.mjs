// Test-only preload (`node --import`): moves this process's clock by the milliseconds written in the file
// $KETANG_TEST_CLOCK_FILE, re-read when the file changes. The real content API can so live through several
// days of one week, or past a phone link's expiry, within one test. Plain JS: it runs before any loader.
import { readFileSync, watchFile } from 'node:fs';

const file = process.env.KETANG_TEST_CLOCK_FILE;
if (file) {
  const RealDate = Date;
  let offset = 0;
  const read = () => {
    try {
      offset = Number(readFileSync(file, 'utf8').trim()) || 0;
    } catch {
      offset = 0;
    }
  };
  read();
  watchFile(file, { interval: 50 }, read).unref();

  class ShiftedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...args);
    }

    static now() {
      return RealDate.now() + offset;
    }
  }
  globalThis.Date = ShiftedDate;
}
