// The baseline: a bare Express endpoint answering a small JSON document, with the same compression
// middleware as the API. It is this machine's practical ceiling for an Express request.
import compression from 'compression';
import express from 'express';

const app = express();
app.use(compression());
const body = {
  items: Array.from({ length: 5 }, (_, index) => ({ id: `lesson-${index}`, title: { zh: '认识图形' } })),
};
app.get('/bare', (_req, res) => {
  res.json(body);
});
const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`${typeof address === 'object' && address ? address.port : 0}\n`);
});
