import type { Decider } from '../shared/decider';
import type { EpisodeCommand } from './commands';
import { decideEpisode } from './decide';
import type { EpisodeEvent } from './events';
import {
  evolveChildMissingRecord,
  initialChildMissingRecord,
  type ChildMissingRecord,
} from './state';

/** Missing episodes, decided against the child's whole missing record (stream `child-<id>`). */
export const episodeDecider: Decider<EpisodeCommand, EpisodeEvent, ChildMissingRecord> = {
  decide: decideEpisode,
  evolve: evolveChildMissingRecord,
  initialState: initialChildMissingRecord,
};
