import type { Rail } from '@ketang/contract';
import { railTitle } from '../messages/messages.ts';
import type { CatalogueViews } from './catalogue-view.ts';
import type { ChannelService } from './channel.service.ts';
import { HomeComposer, type LiveRail } from './home-layout/home-composer.ts';
import type { ChannelSets } from './releases/channel-sets.ts';
import type { DeviceScope } from './releases/scope.ts';

/**
 * The first screen a TV shows (`/v1/home`), composed from the home layout the device's release decides for
 * its stage (docs/console.md "Home layouts"); without one, the built-in layout: for a grade, its lessons and a
 * rail per subject; for a stage, its featured rail and a rail per subject; otherwise a featured rail per stage;
 * then sections and the channels on air now. A device has no child: `today` and `continue` show nothing.
 * A preview read (X-Ketang-Preview) shows the draft's layout, channels and curation, as `/v1/lessons` does.
 */
export class HomeService {
  readonly composer = new HomeComposer();

  constructor(
    private readonly views: CatalogueViews,
    private readonly channels: ChannelService,
    private readonly channelSets: ChannelSets,
  ) {}

  async home(
    query: { stage?: string; grade?: string; region?: string },
    scope: DeviceScope = { region: query.region },
  ): Promise<{ rails: Rail[] }> {
    const [view, set] = await Promise.all([
      this.views.current(query.region, scope.preview),
      this.releaseOf(scope),
    ]);
    const { layout } = this.composer.layoutOf(set, view, query);
    const plan = this.composer.plan(view, layout, query);
    const rails = await Promise.all(
      plan.parts.map(async (part) =>
        'rail' in part ? [part.rail] : part.live.rule === 'onAir' ? this.channelsRail(scope, part.live) : [],
      ),
    );
    return { rails: rails.flat() };
  }

  /** The device's release, or the draft it previews: the one decision both homes read their layout from. */
  releaseOf(scope: DeviceScope) {
    return this.channelSets.forDevice(scope);
  }

  /** The channels on air now, as a rail (none when nothing is on air). */
  async channelsRail(scope: DeviceScope, live: Omit<LiveRail, 'rule'> = {}): Promise<Rail[]> {
    const channels = (await this.channels.list(scope)).items.filter((channel) => channel.now);
    const items = channels.slice(0, live.limit ?? channels.length);
    return items.length > 0
      ? [{ id: 'channels', kind: 'channels', title: live.title ?? railTitle('channels'), items }]
      : [];
  }
}
