/**
 * What each scenario family guarantees for every seed, with margins around the cut-off
 * (asOf − 1 year − 1 day), so that the admission checks give the same outcome for every
 * example: "before the cut-off" is on or before asOf − 13 months, "after" on or after
 * asOf − 11 months. Checked over the samples and a sweep of small populations (seeds and
 * dates, month ends and a leap day among them). One subtest per family, and one for the
 * school each family applies to.
 */
import t from 'tap';
import type { Household } from '../../schemas/population.js';
import { zonesCovering } from '../../mocks/population/schools.js';
import { householdOf, manySamples, ref } from './fixtures/populations.js';

function isAddressPlace(h: Household): h is Household & { address: Exclude<Household['address'], { outside: string }> } {
  return !('outside' in h.address);
}

// --- the school a family applies to
t.test('schoolCode: every family with a child names the school it applies to, zoned for its home', async (t) => {
  const migrant = new Set(['migrant-lease-permit', 'short-insurance', 'sole-trader']);
  for (const { label, pop } of manySamples()) {
    const zone = (code: string | undefined) => pop.schoolZones.find((z) => z.schoolCode === code);
    for (const s of pop.scenarios) {
      const what = `${label}: ${s.family}`;
      const hasChild = s.members.some((m) => m.ref === 'child');
      if (!hasChild) {
        t.equal(s.schoolCode, undefined, `${what}: no child, no school`);
        continue;
      }
      const z = zone(s.schoolCode);
      t.ok(z, `${what}: a known school ${s.schoolCode}`);
      if (!z) continue;
      if (s.family === 'unknown-person') {
        t.equal(z.level, 'primary', `${what}: a primary school`);
        t.equal(z.district, s.members[0]!.idNumber.slice(0, 6), `${what}: of the district the ID numbers name`);
        continue;
      }
      const child = ref(s, 'child');
      let address;
      if (migrant.has(s.family)) {
        // The rented flat: the family's latest lease.
        const leases = pop.leases.filter((l) => l.tenants.includes(ref(s, 'father'))).sort((a, b) => (a.startOn < b.startOn ? -1 : 1));
        address = leases.at(-1)!.address;
      } else {
        const h = householdOf(pop, child)!;
        t.ok(isAddressPlace(h), `${what}: the child's hukou is in the city`);
        if (!isAddressPlace(h)) continue;
        address = h.address;
      }
      const covering = zonesCovering(pop.schoolZones, address);
      t.equal(z.level, 'primary', `${what}: the level applied for`);
      t.ok(covering.includes(z), `${what}: zoned for the ${migrant.has(s.family) ? 'rented flat' : 'hukou address'}`);
    }
  }
});
