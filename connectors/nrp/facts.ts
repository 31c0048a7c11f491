/** The `properties` fact, for a person (by owner) and for a property (by certificate). */
import { defineFact, type Resolution } from '../../src/connectors/types.js';
import { Properties, type PropertyRestrictions } from '../../schemas/facts/nrp.js';
import { propertyByOwner } from './interfaces/property-by-owner.js';
import { propertyCertificate } from './interfaces/property-certificate.js';
import { propertyRestrictions } from './interfaces/property-restrictions.js';

/** A certificate the registry knows but whose restriction query found nothing has none; a failed query is `null` (unknown). */
function restrictionsOf(resolution: Resolution<PropertyRestrictions>): PropertyRestrictions | null {
  if (resolution.status === 'found') return resolution.value;
  return resolution.status === 'not_found' ? [] : null;
}

/** A person's property rights, each with its current restrictions (queried in parallel once the list is known). */
export const personProperties = defineFact({
  name: 'properties',
  subject: 'person',
  schema: Properties,
  connectors: [propertyByOwner, propertyRestrictions],
  async resolve(subject, call) {
    const list = await call(propertyByOwner, { idNumber: subject.idNumber });
    if (list.status !== 'found') return list;
    const value = await Promise.all(list.value.map(async (property) => ({
      ...property,
      restrictions: restrictionsOf(await call(propertyRestrictions, { certificateNumber: property.certificateNumber })),
    })));
    return { status: 'found', value };
  },
});

/**
 * One certificate and its restrictions, as a one-element list. Both inputs are known from
 * the subject, so both calls start at once; the restrictions are dropped when the
 * certificate itself is not found or unavailable.
 */
export const certificateProperties = defineFact({
  name: 'properties',
  subject: 'property',
  schema: Properties,
  connectors: [propertyCertificate, propertyRestrictions],
  async resolve(subject, call) {
    const input = { certificateNumber: subject.certificateNumber };
    const [record, restrictions] = await Promise.all([call(propertyCertificate, input), call(propertyRestrictions, input)]);
    if (record.status !== 'found') return record;
    return { status: 'found', value: [{ ...record.value, restrictions: restrictionsOf(restrictions) }] };
  },
});
