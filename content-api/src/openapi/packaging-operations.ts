import { PackagingJobListSchema, PackagingJobSchema } from '@ketang/contract';
import { answer, type OperationDocs } from './responses.ts';

const UPLOADS = '/v1/operator/uploads';
const JOBS = '/v1/operator/packaging-jobs';
const TAGS = ['operator'];
const TUS_REFUSALS = {
  '400': 'A tus header is malformed (e.g. Upload-Metadata)',
  '403': 'Needs the role admin or curator',
  '412': 'Tus-Resumable: 1.0.0 is missing',
  '500': 'The upload could not be written',
};

/** Packaging from the console: tus uploads (https://tus.io/protocols/resumable-upload) and packaging jobs. */
export const packagingOperations: OperationDocs = {
  [`POST ${UPLOADS}`]: {
    summary: 'Create a resumable upload of a mezzanine file (tus 1.0.0 creation)',
    description:
      'Answers 201 with Location: the upload URL, to which the file is sent in PATCHes. A client that lost its ' +
      'connection asks HEAD for Upload-Offset and goes on from there.',
    tags: TAGS,
    ok: answer('201', 'Created; Location names the upload, Tus-Resumable: 1.0.0'),
    errors: {
      ...TUS_REFUSALS,
      '400': 'Upload-Length is missing, or a tus header is malformed',
      '413': 'Upload-Length is over the upload limit (KETANG_UPLOAD_MAX_BYTES, Tus-Max-Size)',
      '422': 'not_video: an empty file (Upload-Length 0) is complete at once, and is not a video',
      '501': 'Deferred length and concatenation are not supported',
    },
  },
  [`HEAD ${UPLOADS}/{id}`]: {
    summary: "An upload's progress: Upload-Offset (bytes received) and Upload-Length",
    tags: TAGS,
    ok: answer('200', 'Upload-Offset and Upload-Length in the headers, no body'),
    errors: { ...TUS_REFUSALS, '404': 'No such upload', '410': 'The upload is gone' },
  },
  [`PATCH ${UPLOADS}/{id}`]: {
    summary: "Send bytes of an upload from Upload-Offset on (the last PATCH's file is checked with ffprobe)",
    tags: TAGS,
    ok: answer('204', 'Received; Upload-Offset says how many bytes the upload has'),
    errors: {
      ...TUS_REFUSALS,
      '403': 'Needs the role admin or curator; or Upload-Offset is missing',
      '404': 'No such upload',
      '409': 'Upload-Offset is not the number of bytes received so far',
      '410': 'The upload is gone',
      '413': "The bytes go past the upload's length",
      '422':
        'not_video: the finished file is not a video the packager can read (the problem named); it is removed',
    },
  },
  [`DELETE ${UPLOADS}/{id}`]: {
    summary: 'Delete an upload (tus termination)',
    tags: TAGS,
    ok: answer('204', 'Deleted'),
    errors: { ...TUS_REFUSALS, '404': 'No such upload', '410': 'The upload is gone' },
  },
  [`POST ${JOBS}`]: {
    summary: 'Package a finished upload: one job at a time, in a queue',
    description:
      'Families default to every codec family (H.264 always first), heights to each family’s ladder (never ' +
      'taller than the source). On success the asset is registered and, with lessonId, becomes the lesson’s ' +
      'video (a licensed source of type packaged).',
    tags: TAGS,
    ok: answer('202', 'The job, queued', PackagingJobSchema),
    errors: {
      '403': 'Needs the role admin or curator',
      '404': 'No such upload or lesson (details name body.uploadId or body.lessonId)',
      '409': 'The upload has not received all its bytes',
    },
  },
  [`GET ${JOBS}`]: {
    summary: 'Packaging jobs, newest first (the last 100)',
    tags: TAGS,
    ok: answer('200', 'The jobs with their state and progress', PackagingJobListSchema),
    errors: { '403': 'Needs the role admin or curator' },
  },
  [`GET ${JOBS}/{id}`]: {
    summary: 'A packaging job: state, progress, quality report, or why it failed',
    tags: TAGS,
    ok: answer('200', 'The job', PackagingJobSchema),
    errors: { '403': 'Needs the role admin or curator', '404': 'No such job' },
  },
};
