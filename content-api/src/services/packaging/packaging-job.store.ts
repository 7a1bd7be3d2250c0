import type { PackagingJob } from '@ketang/contract';
import type { DocumentCollection, Filter } from '../../db/document-store.ts';

type PackagingJobDocument = PackagingJob & { _id: string };

/** Packaging jobs as records, so that they outlive the process that ran them. */
export class PackagingJobStore {
  constructor(private readonly jobs: DocumentCollection<PackagingJobDocument>) {}

  async put(job: PackagingJob): Promise<void> {
    await this.jobs.upsertMany([{ ...job, _id: job.id }]);
  }

  async get(id: string): Promise<PackagingJob | null> {
    const doc = await this.jobs.findOne({ _id: id } as Filter<PackagingJobDocument>);
    return doc && withoutKey(doc);
  }

  /** Newest first. */
  async list(limit: number): Promise<PackagingJob[]> {
    const docs = await this.jobs.find({}, { sort: { createdAt: -1 }, limit });
    return docs.map(withoutKey);
  }

  async inState(states: readonly PackagingJob['state'][]): Promise<PackagingJob[]> {
    const docs = await this.jobs.find({ state: { $in: [...states] } } as Filter<PackagingJobDocument>, {
      sort: { createdAt: 1 },
    });
    return docs.map(withoutKey);
  }
}

function withoutKey({ _id, ...job }: PackagingJobDocument): PackagingJob {
  return job;
}
