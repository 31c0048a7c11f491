/**
 * Civil records: marriages (and divorces) at the civil-affairs bureau of the couple's home,
 * medical birth certificates for children born in Qingdao, and social assistance (低保/特困).
 */
import type { Assistance, Birth, Marriage, Person, Population } from '../../../schemas/population.js';
import type { DistrictCode } from '../../../src/domain/districts.js';
import { minDate } from '../dates.js';
import { HOSPITALS } from '../names.js';
import type { Core } from './core.js';
import { localPrefix, type Home } from './places.js';

export class CivilRecords {
  private readonly marriages: Marriage[] = [];
  private readonly births: Birth[] = [];
  private readonly assistance: Assistance[] = [];

  constructor(private readonly core: Core) {}

  /** A marriage registered at the bureau of `home` (never after asOf). */
  marry(a: Person, b: Person, registeredOn: string, home: Home): Marriage {
    const authority = typeof home === 'string' ? `${localPrefix(home)}民政局` : `${home.city}${home.county}民政局`;
    const m: Marriage = {
      spouses: [a.idNumber, b.idNumber], registeredOn: minDate(registeredOn, this.core.asOf),
      status: 'married', divorcedOn: null, authority,
    };
    this.marriages.push(m);
    return m;
  }

  divorce(m: Marriage, on: string): void {
    m.status = 'divorced';
    m.divorcedOn = on;
  }

  /** The medical birth certificate (出生医学证明) of a child born in district `d`. */
  birth(child: Person, mother: Person, father: Person | null, d: DistrictCode): void {
    const rng = this.core.rng;
    const certificateNumber = this.core.unique('birth', () => `Q${rng.int(1, 9)}${rng.digits(8)}`);
    this.births.push({
      certificateNumber, childIdNumber: child.idNumber, motherIdNumber: mother.idNumber,
      fatherIdNumber: father?.idNumber ?? null, birthDate: child.birthDate, hospital: rng.pick(HOSPITALS[d]),
    });
  }

  assist(p: Person, kind: Assistance['kind'], since: string, validUntil: string): void {
    this.assistance.push({ idNumber: p.idNumber, kind, since, validUntil });
  }

  records(): Pick<Population, 'marriages' | 'births' | 'assistance'> {
    return { marriages: this.marriages, births: this.births, assistance: this.assistance };
  }
}
