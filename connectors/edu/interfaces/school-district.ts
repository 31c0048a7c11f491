import { ZonedSchools } from '../../../schemas/facts/edu.js';
import { defineConnector } from '../../../src/connectors/types.js';
import type { EduClient } from '../client.js';
import { toZonedSchools } from '../to-school-district.js';
import { EDU_TTL } from '../ttl.js';
import { EduZoneQuery } from '../types.js';

/**
 * EDU `GET /api/v1/zones?district=&street=&number=` (学区划片查询): the schools whose zone
 * covers a door number on a road; a door in no zone has none (found, empty).
 */
export const schoolDistrict = defineConnector({
  id: 'edu.school-district',
  agency: 'edu',
  title: 'school-district zoning (学区划片): address → zoned schools',
  dataItem: 'school-zoning',
  input: EduZoneQuery,
  schema: ZonedSchools,
  ttl: EDU_TTL.zones,
  fetch: (client: EduClient, input, signal) => client.zones(input, signal),
  map: (raw) => toZonedSchools(raw),
});
