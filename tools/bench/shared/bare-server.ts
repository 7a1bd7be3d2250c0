// The baseline: a bare Express endpoint answering a small JSON document (and one taking a heartbeat batch), with
// the same compression middleware as the API. It is this machine's practical ceiling for an Express request.
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
// The heartbeat route's baseline: the same JSON body parser and limit as the API's, an answer of the same shape.
app.post('/bare/heartbeats', express.json({ limit: '64kb' }), (req, res) => {
  const count = (req.body as { heartbeats?: unknown[] }).heartbeats?.length ?? 0;
  res.json({ accepted: count, duplicates: 0, usage: [] });
});
const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`${typeof address === 'object' && address ? address.port : 0}\n`);
});
