import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Day } from "@/components/answers/answer-history";
import { FormMessage } from "@/components/form/field";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Container } from "@/components/ui/container";
import { PageHeading } from "@/components/ui/page-heading";
import { TextLink } from "@/components/ui/text-link";
import { pluralize } from "@/lib/labels";
import { getActor } from "@/server/auth/actor";
import { SignInFirst } from "@/components/auth/sign-in-first";
import { getDb } from "@/server/db";
import { getSupportChoice } from "@/server/supports/support-proposal";
import { SupportForm } from "./support-form";

export const metadata: Metadata = { title: "Soutenir une proposition", robots: { index: false } };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/*
 * Where the public fiche's « Soutenir au nom de votre conseil » leads (the fiche stays static).
 * For each of the person's councils: support it, or why not (own proposal, already supports).
 */
export default async function SupportPage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const returnTo = `/espace/soutenir/${encodeURIComponent(id)}`;
  const actor = await getActor();
  if (!actor) {
    return (
      <SignInFirst
        title="Soutenir une proposition"
        who="Un conseil de quartier peut soutenir la proposition d'un autre conseil : ce sont ses membres qui le font, en son nom, une fois connectés."
        question="Vous êtes membre d'un conseil de quartier ?"
        returnTo={returnTo}
        back={{ href: "/", label: "Retour au plan" }}
      />
    );
  }
  const result = await getSupportChoice(await getDb(), actor, /^\d{1,9}$/.test(id) ? Number(id) : NaN);
  if (!result.ok) notFound();
  const { proposal, councils, supportCount } = result.data;
  const ficheHref = `/fiches/${proposal.action.slug}#contribution-${proposal.id}`;
  const doneFor = (key: string) => councils.find((c) => String(c.id) === query[key]);
  const supported = doneFor("soutenu");
  const already = doneFor("deja");

  return (
    <Container>
      <Breadcrumb items={[{ label: "Mon espace", href: "/espace" }, { label: "Soutenir une proposition" }]} />
      <PageHeading kicker={`Proposition du ${proposal.councilName}`} title={proposal.title} />
      {supported ? (
        <div className="mb-6">
          <FormMessage kind="success">
            Le {supported.name} soutient maintenant cette proposition. Le conseil qui l&apos;a proposée est prévenu.
          </FormMessage>
        </div>
      ) : null}
      {already ? (
        <div className="mb-6">
          <FormMessage kind="success">Le {already.name} soutenait déjà cette proposition.</FormMessage>
        </div>
      ) : null}
      <p>
        Sur la fiche action <TextLink href={ficheHref}>{proposal.action.title}</TextLink>. Soutenue aujourd&apos;hui par{" "}
        {pluralize(supportCount, "conseil", "conseils")}.
      </p>
      <p className="mt-2">
        Un conseil soutient une proposition d&apos;un autre conseil une seule fois ; son soutien est public et le conseil qui l&apos;a
        proposée en est prévenu.
      </p>

      <section aria-labelledby="mes-conseils" className="mt-8">
        <h2 id="mes-conseils" className="mb-4 text-2xl font-bold">
          {councils.length > 1 ? "Au nom de quel conseil ?" : "Votre conseil"}
        </h2>
        {councils.length === 0 ? (
          <p>
            Vous n&apos;êtes membre d&apos;aucun conseil de quartier : seuls leurs membres peuvent soutenir une proposition au nom de leur
            conseil.
          </p>
        ) : (
          <ul className="space-y-4">
            {councils.map((c) => (
              <li key={c.id} className="rounded-lg border border-slate-300 p-4">
                <p className="font-semibold">{c.name}</p>
                {c.own ? (
                  <p className="mt-1">
                    C&apos;est une proposition de ce conseil : un conseil ne soutient que les propositions des autres conseils.
                  </p>
                ) : c.supportedAt ? (
                  <p className="mt-1">
                    Ce conseil soutient déjà cette proposition, depuis le <Day date={c.supportedAt} />.
                  </p>
                ) : (
                  <SupportForm contributionId={proposal.id} council={{ id: c.id, name: c.name }} />
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <p className="mt-8">
        <TextLink href={ficheHref}>Retour à la fiche action</TextLink>
      </p>
    </Container>
  );
}
