// Preloaded into tools the tests run (electronegativity): every DNS lookup fails at once, so a tool
// that would reach the internet (translations, release lists) cannot, and does not wait for it.
const dns = require('node:dns');

dns.lookup = (host, options, callback) => {
  const cb = typeof options === 'function' ? options : callback;
  process.nextTick(() => cb(Object.assign(new Error(`offline: no lookup of ${host}`), { code: 'ENOTFOUND' })));
};
