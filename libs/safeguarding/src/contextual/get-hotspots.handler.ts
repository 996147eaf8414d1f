import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { currentScope, visibleChildSql } from '@homeward/platform';
import { SQL_DATABASE, type SqlDatabase } from '@homeward/event-store';
import { GetHotspots, type HotspotItem } from './get-hotspots.query';
import { placeLabel } from '@homeward/domain';

interface Row {
  place_key: string;
  postcode: string | null;
  description: string | null;
  premises_types: string[] | null;
  children: string[];
  sightings: string | number;
  first_seen_at: Date;
  last_seen_at: Date;
}

@QueryHandler(GetHotspots)
export class GetHotspotsHandler implements IQueryHandler<GetHotspots> {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  async execute(): Promise<HotspotItem[]> {
    // Only sightings of children the caller may see: a place is a hotspot of theirs.
    const params: unknown[] = [];
    const visible = visibleChildSql(currentScope(), 'child_id', params);
    const rows = await this.db.query<Row>(
      `SELECT place_key, max(postcode) AS postcode,
              (array_agg(description ORDER BY seen_at DESC, position DESC)
                 FILTER (WHERE description IS NOT NULL))[1] AS description,
              array_agg(DISTINCT premises_type) FILTER (WHERE premises_type IS NOT NULL)
                AS premises_types,
              array_agg(DISTINCT child_id::text) AS children,
              count(*) AS sightings, min(seen_at) AS first_seen_at, max(seen_at) AS last_seen_at
       FROM rm_place_sightings
       WHERE ${visible}
       GROUP BY place_key
       ORDER BY count(DISTINCT child_id) DESC, max(seen_at) DESC, place_key
       LIMIT 1000`,
      params,
    );
    return rows.map((r) => ({
      place: placeLabel(r.place_key),
      postcode: r.postcode,
      description: r.description,
      premisesTypes: r.premises_types ?? [],
      children: r.children,
      sightings: Number(r.sightings),
      firstSeenAt: new Date(r.first_seen_at).toISOString(),
      lastSeenAt: new Date(r.last_seen_at).toISOString(),
    }));
  }
}
