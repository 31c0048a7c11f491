/**
 * Raw shapes and protocol constants of the MCA data exchange (民政数据共享交换, protocol
 * style F in DESIGN.md §2): an asynchronous exchange. A job is submitted with
 * `POST /exchange/jobs` (`202 {jobId}`) and polled with `GET /exchange/jobs/{jobId}` until it
 * is `done` (with `result`) or `failed` (with `error`); finished jobs expire. JSON, camelCase,
 * ISO dates, Chinese terms for kinds and statuses. The client validates every answer against
 * these schemas before a mapper sees it; extra fields are tolerated, missing or mistyped ones
 * are not. Dates stay plain strings here: a date that is no date reaches the fact schema,
 * which refuses it. The mock imports the constants: they are declared once, here.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Nullable, StringEnum } from '../../schemas/common.js';

/** Where jobs are submitted. */
export const MCA_JOBS_PATH = '/exchange/jobs';
/** Where one job is polled (the id is path-encoded, whatever the exchange made it). */
export function mcaJobPath(jobId: string): string {
  return `${MCA_JOBS_PATH}/${encodeURIComponent(jobId)}`;
}
/** The header carrying the exchange token; a missing or wrong token is HTTP 401. */
export const MCA_TOKEN_HEADER = 'x-exchange-token';
/** Answers larger than this are refused as invalid_response (256 KiB; a person's records are a few hundred bytes). */
export const MCA_MAX_RESPONSE_BYTES = 256 * 1024;
/** The longest wait between two polls: the backoff doubles from `pollIntervalMs` up to this. */
export const MCA_MAX_POLL_INTERVAL_MS = 200;
/** Job ids as the exchange issues them; anything else is a broken answer. */
export const MCA_JOB_ID_PATTERN = '^[A-Za-z0-9_-]{1,64}$';

/** The two kinds of job: 婚姻登记 and 低保/特困 (社会救助). */
export const MCA_JOB_TYPES = ['marriage', 'assistance'] as const;
export type McaJobType = (typeof MCA_JOB_TYPES)[number];
export const MCA_JOB_STATUSES = ['pending', 'running', 'done', 'failed'] as const;
export type McaJobStatus = (typeof MCA_JOB_STATUSES)[number];

/** 公民身份号码 as the exchange accepts it: 18 characters, upper-case X (others: HTTP 400). */
export const McaIdNumber = Type.String({ pattern: '^\\d{17}[\\dX]$', description: '公民身份号码' });

// --- requests (the mock validates with the same schemas) ----------------------------------

export const McaSubmitRequest = Type.Object({
  type: StringEnum(MCA_JOB_TYPES),
  idNumber: McaIdNumber,
}, { additionalProperties: false });
export type McaSubmitRequest = Static<typeof McaSubmitRequest>;

// --- connector inputs: the gateway's names, with the forms MCA accepts ----------------------

export const McaByIdNumberInput = Type.Object({ idNumber: McaIdNumber }, { additionalProperties: false });

// --- answers ----------------------------------------------------------------------------------

/** `202` to a submission. */
export const McaSubmitted = Type.Object({ jobId: Type.String({ pattern: MCA_JOB_ID_PATTERN }) });
export type McaSubmitted = Static<typeof McaSubmitted>;

/** Why a job failed: a code from codes.ts, and the exchange's own text (never repeated by us). */
export const McaJobError = Type.Object({ code: Type.String({ minLength: 1 }), message: Type.String() });
export type McaJobError = Static<typeof McaJobError>;

/** `200` to a poll. `result` is there once `done`, `error` once `failed`. */
export const McaJob = Type.Object({
  jobId: Type.String(),
  status: StringEnum(MCA_JOB_STATUSES),
  result: Type.Optional(Type.Unknown()),
  error: Type.Optional(McaJobError),
});
export type McaJob = Static<typeof McaJob>;

/** The body of an HTTP error answer (401, 404, 400, 429 …): `{ code, message }`. */
export const McaErrorBody = Type.Object({ code: Type.String(), message: Type.Optional(Type.String()) });
export type McaErrorBody = Static<typeof McaErrorBody>;

/** One marriage registration of the person asked about. */
export const McaMarriageRecord = Type.Object({
  /** The other spouse's 公民身份号码 (personal data of someone else: masked by the mapper). */
  spouseIdNumber: Type.String(),
  /** 登记日期, YYYY-MM-DD. */
  registeredOn: Type.String(),
  /** 婚姻状况 of this registration: 结婚 | 离婚 today; left open so that a new term maps to 'other'. */
  status: Type.String(),
  /** 离婚日期, YYYY-MM-DD, null while married. */
  divorcedOn: Nullable(Type.String()),
  /** 登记机关, e.g. 青岛市市南区民政局. */
  authority: Type.String(),
});
export type McaMarriageRecord = Static<typeof McaMarriageRecord>;

/** One social-assistance entitlement of the person asked about. */
export const McaAssistanceRecord = Type.Object({
  /** 救助类别: 最低生活保障 | 特困人员救助供养 today; left open (a new kind maps to 'other'). */
  kind: Type.String(),
  /** 起始日期, YYYY-MM-DD. */
  since: Type.String(),
  /** 有效期至, YYYY-MM-DD. */
  validUntil: Type.String(),
});
export type McaAssistanceRecord = Static<typeof McaAssistanceRecord>;

/** The `result` of a done job, per job type. */
export const MCA_RESULTS = {
  marriage: Type.Object({ records: Type.Array(McaMarriageRecord) }),
  assistance: Type.Object({ records: Type.Array(McaAssistanceRecord) }),
} as const;
export type McaResult<T extends McaJobType> = Static<(typeof MCA_RESULTS)[T]>;
export type McaMarriageResult = McaResult<'marriage'>;
export type McaAssistanceResult = McaResult<'assistance'>;
