import { Container } from "@/components/ui/container";
import { PageHeading } from "@/components/ui/page-heading";

/** Shown only if the database holds no plan yet (it is seeded at start, so this is a transient state). */
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
