/**
 * Property: rights registered with a certificate (owners, co-ownership, shares), the
 * restrictions on them (bank mortgages, court seizures, and whatever else is registered),
 * filed purchase contracts for new flats, and registered leases.
 */
import type { Address, Enterprise, Lease, Person, Population, Property, Restriction, SaleContract } from '../../../schemas/population.js';
import type { DistrictCode } from '../../../src/domain/districts.js';
import { addDays, addYears, maxDate, minDate } from '../dates.js';
import { BANKS, DISTRICT_COURTS, INTERMEDIATE_COURT } from '../names.js';
import type { Core } from './core.js';
import { copyPlace } from './places.js';

export class PropertyRegistry {
  private readonly list: Property[] = [];
  private readonly contracts: SaleContract[] = [];
  private readonly leaseList: Lease[] = [];

  constructor(private readonly core: Core) {}

  get properties(): readonly Property[] {
    return this.list;
  }

  /** A certificate number never handed out before: 鲁(2021)青岛市不动产权第0012345号. */
  certificateNumber(year: string, kind: '不动产权' | '不动产证明' = '不动产权'): string {
    const rng = this.core.rng;
    const serial = this.core.unique('cert', () => rng.digits(7));
    return `鲁(${year})青岛市${kind}第${serial}号`;
  }

  /**
   * Registers a property right. One owner holds it solely; several jointly (default) or in
   * shares. A residential flat is mortgaged with 30% chance unless `mortgage` says.
   */
  register(o: {
    address: Address; owners: Person[]; coOwnership?: Property['coOwnership']; registeredOn: string;
    use?: Property['use']; areaM2?: number; mortgage?: boolean;
  }): Property {
    const rng = this.core.rng;
    const use = o.use ?? 'residential';
    const coOwnership = o.owners.length === 1 ? 'sole' : o.coOwnership ?? 'joint';
    const shares = coOwnership === 'shares' ? this.shareSplit(o.owners.length) : null;
    const area = o.areaM2 ?? (use === 'parking' ? rng.int(1200, 1650) / 100
      : use === 'residential' ? rng.int(4500, 16500) / 100 : rng.int(3000, 30000) / 100);
    const registeredOn = minDate(o.registeredOn, this.core.asOf);
    const p: Property = {
      certificateNumber: this.certificateNumber(registeredOn.slice(0, 4)),
      address: copyPlace(o.address),
      areaM2: area,
      use,
      coOwnership,
      owners: o.owners.map((owner, i) => (shares ? { idNumber: owner.idNumber, sharePercent: shares[i]! } : { idNumber: owner.idNumber })),
      registeredOn,
      restrictions: [],
    };
    if (o.mortgage ?? rng.chance(0.3)) this.mortgage(p);
    this.list.push(p);
    return p;
  }

  private shareSplit(n: number): number[] {
    const rng = this.core.rng;
    if (n === 2) return rng.pick([[50, 50], [60, 40], [70, 30], [80, 20]]);
    if (n === 3) return rng.pick([[40, 30, 30], [50, 25, 25], [34, 33, 33]]);
    const base = Math.floor(100 / n);
    return Array.from({ length: n }, (_, i) => (i === 0 ? 100 - base * (n - 1) : base));
  }

  /** Adds a restriction, keeping them in order of registration. */
  restrict(p: Property, r: Restriction): Restriction {
    p.restrictions.push(r);
    p.restrictions.sort(byRegistration);
    return r;
  }

  /** A bank mortgage registered with the property (or on `on`), for a loan still running. */
  mortgage(p: Property, on = p.registeredOn): Restriction {
    const rng = this.core.rng;
    const asOf = this.core.asOf;
    const years = rng.pick([15, 20, 25, 30]);
    let until = addDays(addYears(on, years), -1);
    if (until <= asOf) until = addDays(addYears(asOf, rng.int(1, 8)), -1);
    return this.restrict(p, {
      kind: 'mortgage', registeredOn: on, until, authority: rng.pick(BANKS),
      reference: this.certificateNumber(on.slice(0, 4), '不动产证明'),
    });
  }

  /** A court seizure (查封) registered in the last two years, running three years. */
  seize(p: Property): Restriction {
    const asOf = this.core.asOf;
    const d = p.address.district as DistrictCode;
    const registeredOn = this.core.between(maxDate(addDays(p.registeredOn, 30), addYears(asOf, -2)), addDays(asOf, -7));
    const rng = this.core.rng;
    const intermediate = rng.chance(0.25);
    const court = intermediate ? INTERMEDIATE_COURT : DISTRICT_COURTS[d];
    const courtCode = intermediate ? '02' : d.slice(2);
    return this.restrict(p, {
      kind: 'seizure', registeredOn, until: addDays(addYears(registeredOn, 3), -1), authority: court,
      reference: `(${registeredOn.slice(0, 4)})鲁${courtCode}执${rng.int(100, 9999)}号`,
    });
  }

  /** A purchase contract for a new flat, filed with the housing bureau (网签). */
  saleContract(o: { buyers: Person[]; address: Address; filedOn: string; developer: Enterprise; status?: SaleContract['status']; areaM2?: number }): SaleContract {
    const rng = this.core.rng;
    const area = o.areaM2 ?? rng.int(6000, 14500) / 100;
    const yuanPerM2 = rng.int(12_000, 45_000);
    const c: SaleContract = {
      contractNumber: this.core.unique('contract', () => `WQ${o.filedOn.slice(0, 4)}${o.address.district.slice(2)}${rng.digits(6)}`),
      buyers: o.buyers.map((b) => b.idNumber),
      address: copyPlace(o.address),
      filedOn: o.filedOn,
      priceFen: Math.round(area * yuanPerM2) * 100,
      developerCreditCode: o.developer.creditCode,
      status: o.status ?? 'filed',
    };
    this.contracts.push(c);
    return c;
  }

  /** A registered lease (租赁登记备案). */
  lease(o: { tenants: Person[]; landlord: Person; address: Address; startOn: string; endOn: string }): Lease {
    const rng = this.core.rng;
    const l: Lease = {
      registrationNumber: this.core.unique('lease', () => `ZL${o.address.district}${o.startOn.slice(0, 4)}${rng.digits(5)}`),
      tenants: o.tenants.map((t) => t.idNumber),
      landlordIdNumber: o.landlord.idNumber,
      address: copyPlace(o.address),
      startOn: o.startOn,
      endOn: o.endOn,
      monthlyRentFen: rng.int(12, 60) * 10_000,
    };
    this.leaseList.push(l);
    return l;
  }

  records(): Pick<Population, 'properties' | 'saleContracts' | 'leases'> {
    return { properties: this.list, saleContracts: this.contracts, leases: this.leaseList };
  }
}

function byRegistration(a: Restriction, b: Restriction): number {
  return a.registeredOn < b.registeredOn ? -1 : a.registeredOn > b.registeredOn ? 1 : 0;
}
