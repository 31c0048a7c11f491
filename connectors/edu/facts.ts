/**
 * The API facts EDU answers. `schoolDistrict` combines agencies: the address comes from the
 * registry that holds it (PSB for a person's hukou, NRP for a property), the zone from EDU.
 * Platforms code against these names.
 */
import { SchoolDistrict, StudentStatus } from '../../schemas/facts/edu.js';
import { defineFact, type CallConnector, type Resolution } from '../../src/connectors/types.js';
import { parseAddress } from '../../src/domain/address.js';
import { propertyCertificate } from '../nrp/index.js';
import { hukouPerson } from '../psb/index.js';
import { schoolDistrict } from './interfaces/school-district.js';
import { studentStatus } from './interfaces/student-status.js';

export const studentStatusFact = defineFact({
  name: 'studentStatus',
  subject: 'person',
  schema: StudentStatus,
  connectors: [studentStatus],
  resolve: (subject, call) => call(studentStatus, { idNumber: subject.idNumber }),
});

/**
 * The zone of an address as a registry wrote it. `addressNormalized` is parseAddress's
 * reading, as in every fact that carries an address. The bureau zones doors of Qingdao by
 * district, road and number, so an address it cannot be asked about is in no zone: one
 * parseAddress cannot read (a hukou outside the city reads as null), or one naming no
 * district (zones are drawn per district). That is found, with no schools: not `not_found`, which would say the registry holds no address, nor
 * `unavailable`, which would send the platform to ask again for the same answer. The
 * address is in the value for the platform to see why.
 */
async function zoneOf(address: string, call: CallConnector): Promise<Resolution<SchoolDistrict>> {
  const addressNormalized = parseAddress(address);
  if (addressNormalized === null || addressNormalized.district === null) {
    return { status: 'found', value: { address, addressNormalized, schools: [] } };
  }
  const { district, street, number } = addressNormalized;
  const zone = await call(schoolDistrict, { district, street, number: String(number) });
  if (zone.status !== 'found') return zone;
  return { status: 'found', value: { address, addressNormalized, schools: zone.value } };
}

/** The zone of the person's hukou address: PSB's answer first, then EDU's. Hukou not found → not_found. */
export const personSchoolDistrict = defineFact({
  name: 'schoolDistrict',
  subject: 'person',
  schema: SchoolDistrict,
  connectors: [hukouPerson, schoolDistrict],
  async resolve(subject, call) {
    const hukou = await call(hukouPerson, { idNumber: subject.idNumber });
    if (hukou.status !== 'found') return hukou;
    return zoneOf(hukou.value.address, call);
  },
});

/** The zone of a property's location (坐落): NRP's certificate first, then EDU's. Certificate not found → not_found. */
export const propertySchoolDistrict = defineFact({
  name: 'schoolDistrict',
  subject: 'property',
  schema: SchoolDistrict,
  connectors: [propertyCertificate, schoolDistrict],
  async resolve(subject, call) {
    const property = await call(propertyCertificate, { certificateNumber: subject.certificateNumber });
    if (property.status !== 'found') return property;
    return zoneOf(property.value.address, call);
  },
});

export const EDU_FACTS = [studentStatusFact, personSchoolDistrict, propertySchoolDistrict];
