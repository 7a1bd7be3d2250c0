import express from 'express';
import { withFacts } from '../openapi/route-facts.ts';

/** express.json with a size limit; its errors become 413, 400 malformed_json or 415 (error-handler.ts). */
export function jsonBody(limit: string) {
  return withFacts(express.json({ limit }), {
    responses: {
      '400': 'malformed_json: the body is not valid JSON',
      '413': `The body is larger than ${limit}`,
      '415': 'The body has an unsupported charset or content encoding',
    },
    methods: ['POST', 'PUT', 'PATCH', 'DELETE'],
  });
}
