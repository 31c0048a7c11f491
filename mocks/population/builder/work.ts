/**
 * Work: enterprises (companies and sole traders with valid GB 32100 credit codes), the
 * companies that employ people and the developers that sell new flats, employment, and
 * social insurance paid in Qingdao for exactly the months of employment.
 */
import type { Address, Enterprise, Insurance, Person, Population } from '../../../schemas/population.js';
import { makeCreditCode } from '../../../src/domain/credit-code.js';
import type { DistrictCode } from '../../../src/domain/districts.js';
import { addDays, maxDate, minDate, yearMonth } from '../dates.js';
import type { Core } from './core.js';
import { copyPlace, type Places } from './places.js';

const CODE_SYMBOLS = [...'0123456789ABCDEFGHJKLMNPQRTUWXY'];

export class Work {
  private readonly enterpriseList: Enterprise[] = [];
  private readonly employers: Enterprise[] = [];
  private readonly developerList: Enterprise[] = [];
  private readonly employment: Population['employment'] = [];
  private readonly employed = new Set<string>();
  private readonly insuranceOf = new Map<string, Insurance>();

  constructor(private readonly core: Core, private readonly places: Places) {}

  /** Companies that employ people (developers included). */
  get companies(): readonly Enterprise[] {
    return this.employers;
  }

  /** Real-estate developers: the sellers of new flats. */
  get developers(): readonly Enterprise[] {
    return this.developerList;
  }

  /** A company ('9','1') or sole trader ('9','2') with a valid GB 32100 code. */
  enterprise(o: {
    kind: Enterprise['kind']; name: () => string; district: DistrictCode; legalRep: Person; establishedOn: string;
    address?: Address; status?: Enterprise['status'];
  }): Enterprise {
    const rng = this.core.rng;
    const creditCode = this.core.unique('credit', () => {
      const body = o.establishedOn >= '2015-10-01'
        ? `MA${Array.from({ length: 6 }, () => rng.pick(CODE_SYMBOLS)).join('')}`
        : rng.digits(8);
      return makeCreditCode('9', o.kind === 'company' ? '1' : '2', o.district, body);
    });
    const e: Enterprise = {
      creditCode,
      name: this.core.unique('enterprise-name', o.name),
      kind: o.kind,
      status: o.status ?? 'active',
      establishedOn: minDate(o.establishedOn, this.core.asOf),
      legalRepresentativeIdNumber: o.legalRep.idNumber,
      address: copyPlace(o.address ?? this.places.address(o.district, o.kind === 'company' ? 'office' : 'shop')),
    };
    if (o.kind === 'company') e.registeredCapitalFen = rng.pick([50, 100, 200, 500, 1000, 3000, 5000]) * 10_000 * 100;
    this.enterpriseList.push(e);
    return e;
  }

  /** A company that employs people (and, for a developer, sells new flats). */
  company(o: { name: () => string; district: DistrictCode; legalRep: Person; establishedOn: string; developer?: boolean }): Enterprise {
    const e = this.enterprise({ kind: 'company', name: o.name, district: o.district, legalRep: o.legalRep, establishedOn: o.establishedOn });
    this.employers.push(e);
    if (o.developer) this.developerList.push(e);
    return e;
  }

  /** Any employer. */
  employer(): Enterprise {
    return this.core.rng.pick(this.employers);
  }

  /** Any developer. */
  developer(): Enterprise {
    return this.core.rng.pick(this.developerList);
  }

  isEmployed(p: Person): boolean {
    return this.employed.has(p.idNumber);
  }

  /**
   * Employment from `since` (not before the employer existed) until `until` (null: still
   * employed), with social insurance paid in Qingdao for the same months.
   */
  employ(p: Person, employer: Enterprise, since: string, until: string | null = null): void {
    const asOf = this.core.asOf;
    const start = minDate(maxDate(since, addDays(employer.establishedOn, 30)), asOf);
    if (until !== null && start > until) return;
    this.employment.push({ idNumber: p.idNumber, employerCreditCode: employer.creditCode, since: start, until });
    this.employed.add(p.idNumber);
    this.insure(p, employer, yearMonth(start), yearMonth(until ?? asOf));
  }

  /** Social insurance paid through `employer` for the months `from`..`to` (YYYYMM). */
  insure(p: Person, employer: Enterprise, from: string, to: string): void {
    let record = this.insuranceOf.get(p.idNumber);
    if (!record) {
      record = { idNumber: p.idNumber, periods: [] };
      this.insuranceOf.set(p.idNumber, record);
    }
    record.periods.push({ from, to, employerCreditCode: employer.creditCode, city: '青岛市', baseFen: this.core.rng.int(4_400, 15_000) * 100 });
  }

  records(): Pick<Population, 'enterprises' | 'employment' | 'insurance'> {
    const insurance = [...this.insuranceOf.values()].map((r) => ({
      idNumber: r.idNumber,
      periods: [...r.periods].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0)),
    }));
    return { enterprises: this.enterpriseList, employment: this.employment, insurance };
  }
}
