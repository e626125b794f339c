import { Container } from "@/components/ui/container";
import { PageHeading } from "@/components/ui/page-heading";

/**
 * Shown while the install has no plan: a new install started empty (SEED_PLAN=0) until its plan file
 * is imported (docs/format-plan.md) — otherwise the plan is seeded at start.
 */
export function PlanUnavailable() {
  return (
    <Container>
      <PageHeading
        title="Projet social communal"
        lead={<p>Le projet social communal n&apos;est pas encore publié sur ce site. Revenez un peu plus tard.</p>}
      />
    </Container>
  );
}
