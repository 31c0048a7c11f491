/**
 * The sandbox's ground truth: one population, rendered by eight mock agencies in their
 * own styles. The generator (mocks/population/) writes it; every mock reads its slice.
 * Addresses are structured here so that each mock can write them its own way.
 */
import { Type, type Static } from '@sinclair/typebox';
import { CreditCode, DistrictCode, Gender, IdNumber, IsoDate, Nullable, StringEnum, YearMonth } from './common.js';

/** An address in Qingdao: district, road, door number, and for flats building/unit/room. */
export const Address = Type.Object({
  district: DistrictCode,
  street: Type.String({ minLength: 1, description: 'road name, e.g. 福州南路' }),
  number: Type.Integer({ minimum: 1, description: 'door number on the road (88 → 88号)' }),
  building: Type.Optional(Type.Integer({ minimum: 1 })),
  unit: Type.Optional(Type.Integer({ minimum: 1 })),
  room: Type.Optional(Type.String({ pattern: '^\\d{3,4}$' })),
}, { additionalProperties: false });
export type Address = Static<typeof Address>;

/** A place outside the city, written as its registry would (free text). */
export const OutsidePlace = Type.Object({ outside: Type.String({ minLength: 2 }) }, { additionalProperties: false });
export const Place = Type.Union([Address, OutsidePlace]);
export type Place = Static<typeof Place>;

export const Person = Type.Object({
  idNumber: IdNumber,
  name: Type.String({ minLength: 2, maxLength: 8 }),
  gender: Gender,
  birthDate: IsoDate,
  ethnicity: Type.String({ description: '民族, e.g. 汉族' }),
  deceasedOn: Type.Optional(IsoDate),
}, { additionalProperties: false });
export type Person = Static<typeof Person>;

export const Relation = StringEnum(['head', 'spouse', 'child', 'parent', 'grandchild', 'grandparent', 'sibling', 'other'] as const);
export type Relation = Static<typeof Relation>;

export const Household = Type.Object({
  number: Type.String({ pattern: '^\\d{9,12}$', description: '户号' }),
  address: Place,
  kind: StringEnum(['family', 'collective'] as const),
  members: Type.Array(Type.Object({
    idNumber: IdNumber,
    relation: Relation,
    since: IsoDate,
  }, { additionalProperties: false }), { minItems: 1 }),
}, { additionalProperties: false });
export type Household = Static<typeof Household>;

export const HukouMove = Type.Object({
  idNumber: IdNumber,
  date: IsoDate,
  kind: StringEnum(['birth', 'move_in', 'move_within_city'] as const),
  from: Nullable(Place),
  to: Place,
}, { additionalProperties: false });
export type HukouMove = Static<typeof HukouMove>;

export const ResidencePermit = Type.Object({
  number: Type.String({ minLength: 6 }),
  idNumber: IdNumber,
  address: Address,
  issuedOn: IsoDate,
  validUntil: IsoDate,
  authority: Type.String(),
}, { additionalProperties: false });
export type ResidencePermit = Static<typeof ResidencePermit>;

export const Restriction = Type.Object({
  kind: StringEnum(['mortgage', 'seizure', 'sale_restriction', 'objection'] as const),
  registeredOn: IsoDate,
  until: Nullable(IsoDate),
  authority: Type.String({ description: 'bank, court or office that holds it' }),
  reference: Type.String(),
}, { additionalProperties: false });
export type Restriction = Static<typeof Restriction>;

export const Property = Type.Object({
  certificateNumber: Type.String({ description: '不动产权证书号, e.g. 鲁(2021)青岛市不动产权第0012345号' }),
  address: Address,
  areaM2: Type.Number({ exclusiveMinimum: 0 }),
  use: StringEnum(['residential', 'commercial', 'office', 'parking'] as const),
  coOwnership: StringEnum(['sole', 'joint', 'shares'] as const),
  owners: Type.Array(Type.Object({
    idNumber: IdNumber,
    sharePercent: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 100 })),
  }, { additionalProperties: false }), { minItems: 1 }),
  registeredOn: IsoDate,
  restrictions: Type.Array(Restriction),
}, { additionalProperties: false });
export type Property = Static<typeof Property>;

export const SaleContract = Type.Object({
  contractNumber: Type.String(),
  buyers: Type.Array(IdNumber, { minItems: 1 }),
  address: Address,
  filedOn: IsoDate,
  priceFen: Type.Integer({ minimum: 1 }),
  developerCreditCode: CreditCode,
  status: StringEnum(['filed', 'cancelled'] as const),
}, { additionalProperties: false });
export type SaleContract = Static<typeof SaleContract>;

export const Lease = Type.Object({
  registrationNumber: Type.String(),
  tenants: Type.Array(IdNumber, { minItems: 1 }),
  landlordIdNumber: IdNumber,
  address: Address,
  startOn: IsoDate,
  endOn: IsoDate,
  monthlyRentFen: Type.Integer({ minimum: 1 }),
}, { additionalProperties: false });
export type Lease = Static<typeof Lease>;

/** Social insurance as contribution periods; the mock expands them into monthly records. */
export const Insurance = Type.Object({
  idNumber: IdNumber,
  periods: Type.Array(Type.Object({
    from: YearMonth,
    to: YearMonth,
    employerCreditCode: CreditCode,
    city: Type.String({ description: 'city where contributions were paid, e.g. 青岛市' }),
    baseFen: Type.Integer({ minimum: 1, description: 'monthly contribution base, in fen' }),
  }, { additionalProperties: false })),
}, { additionalProperties: false });
export type Insurance = Static<typeof Insurance>;

export const Employment = Type.Object({
  idNumber: IdNumber,
  employerCreditCode: CreditCode,
  since: IsoDate,
  until: Nullable(IsoDate),
}, { additionalProperties: false });
export type Employment = Static<typeof Employment>;

export const Enterprise = Type.Object({
  creditCode: CreditCode,
  name: Type.String(),
  kind: StringEnum(['company', 'sole_trader'] as const),
  status: StringEnum(['active', 'revoked', 'cancelled'] as const),
  establishedOn: IsoDate,
  legalRepresentativeIdNumber: IdNumber,
  address: Address,
  registeredCapitalFen: Type.Optional(Type.Integer({ minimum: 0 })),
}, { additionalProperties: false });
export type Enterprise = Static<typeof Enterprise>;

export const Marriage = Type.Object({
  spouses: Type.Tuple([IdNumber, IdNumber]),
  registeredOn: IsoDate,
  status: StringEnum(['married', 'divorced'] as const),
  divorcedOn: Nullable(IsoDate),
  authority: Type.String(),
}, { additionalProperties: false });
export type Marriage = Static<typeof Marriage>;

export const Assistance = Type.Object({
  idNumber: IdNumber,
  kind: StringEnum(['minimum_living', 'extreme_poverty'] as const),
  since: IsoDate,
  validUntil: IsoDate,
}, { additionalProperties: false });
export type Assistance = Static<typeof Assistance>;

export const Birth = Type.Object({
  certificateNumber: Type.String({ description: '出生医学证明编号, e.g. Q370123456' }),
  childIdNumber: IdNumber,
  motherIdNumber: IdNumber,
  fatherIdNumber: Nullable(IdNumber),
  birthDate: IsoDate,
  hospital: Type.String(),
}, { additionalProperties: false });
export type Birth = Static<typeof Birth>;

export const Student = Type.Object({
  idNumber: IdNumber,
  studentNumber: Type.String({ description: '全国学籍号: G + ID number' }),
  schoolCode: Type.String(),
  grade: Type.Integer({ minimum: 0, maximum: 9, description: '0 = kindergarten, 1-6 primary, 7-9 junior middle' }),
  status: StringEnum(['enrolled', 'transferred_out', 'graduated', 'suspended'] as const),
}, { additionalProperties: false });
export type Student = Static<typeof Student>;

export const SchoolZone = Type.Object({
  schoolCode: Type.String(),
  schoolName: Type.String(),
  level: StringEnum(['kindergarten', 'primary', 'junior'] as const),
  district: DistrictCode,
  /** Door-number ranges on roads: an address is in the zone when its road and number fall in one. */
  streets: Type.Array(Type.Object({
    street: Type.String(),
    fromNumber: Type.Integer({ minimum: 1 }),
    toNumber: Type.Integer({ minimum: 1 }),
  }, { additionalProperties: false }), { minItems: 1 }),
}, { additionalProperties: false });
export type SchoolZone = Static<typeof SchoolZone>;

export const SCENARIO_FAMILIES = [
  'house-hukou-match',
  'hukou-at-grandparents',
  'migrant-lease-permit',
  'short-insurance',
  'contract-no-certificate',
  'divorced-parents',
  'sole-trader',
  'low-income',
  'name-mismatch',
  'unknown-person',
  'seized-property',
  'late-hukou-move',
  'many-properties',
  'joint-ownership',
  'mortgaged-property',
  'expired-permit',
  'expired-lease',
  'insurance-gap',
  'outside-school-zone',
  'late-property',
  'deregistered-enterprise',
  'no-birth-certificate',
  'twins',
  'grade-six-pupil',
  'hukou-under-two-years',
] as const;
export const ScenarioFamily = StringEnum(SCENARIO_FAMILIES);
export type ScenarioFamily = Static<typeof ScenarioFamily>;

/** One family that exemplifies a scenario; the members are what a platform would send. */
export const Scenario = Type.Object({
  family: ScenarioFamily,
  description: Type.String(),
  schoolCode: Type.Optional(Type.String({
    pattern: '^\\d{10}$',
    description: "the school the family applies to: the zone school of the child's hukou address for the child's level, or for migrant families of the rented flat; for outside-school-zone a school of the same district whose zone does not cover it",
  })),
  members: Type.Array(Type.Object({
    ref: Type.String({ description: 'child, father, mother, guardian …' }),
    idNumber: IdNumber,
    name: Type.String({ description: 'the name a platform would send (for name-mismatch: not the registered one)' }),
    registeredName: Type.Optional(Type.String({ description: 'name-mismatch only: the name the registries hold' })),
  }, { additionalProperties: false }), { minItems: 1 }),
}, { additionalProperties: false });
export type Scenario = Static<typeof Scenario>;

export const Population = Type.Object({
  schemaVersion: Type.Literal(1),
  seed: Type.Integer(),
  /** The date the population describes as "today" (insurance months, validity run up to it). */
  asOf: IsoDate,
  persons: Type.Array(Person),
  households: Type.Array(Household),
  hukouMoves: Type.Array(HukouMove),
  residencePermits: Type.Array(ResidencePermit),
  properties: Type.Array(Property),
  saleContracts: Type.Array(SaleContract),
  leases: Type.Array(Lease),
  insurance: Type.Array(Insurance),
  employment: Type.Array(Employment),
  enterprises: Type.Array(Enterprise),
  marriages: Type.Array(Marriage),
  assistance: Type.Array(Assistance),
  births: Type.Array(Birth),
  students: Type.Array(Student),
  schoolZones: Type.Array(SchoolZone),
  scenarios: Type.Array(Scenario),
}, { additionalProperties: false, $id: 'tongban/population' });
export type Population = Static<typeof Population>;
