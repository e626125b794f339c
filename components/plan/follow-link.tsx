import { TextLink } from "@/components/ui/text-link";

/*
 * A feed or a calendar of the page, as a visible link: the <link rel="alternate"> in the page's head
 * (lib/page-metadata.ts) are for programs; people need to see that they can follow the page. The
 * link's words say what it gives; the text after it says with what to open it.
 */

const openWith = {
  feed: "flux Atom, à ajouter à votre lecteur de flux pour être averti des nouveautés",
  calendar: "fichier d'agenda (.ics), pour Google Agenda, Outlook, le calendrier de votre téléphone…",
} as const;

export function FollowLink({
  href,
  kind,
  children,
  className = "mt-6",
}: {
  href: string;
  kind: keyof typeof openWith;
  children: string;
  className?: string;
}) {
  return (
    <p className={className}>
      <TextLink href={href} type={kind === "feed" ? "application/atom+xml" : "text/calendar"} className="inline-flex min-h-11 items-center">
        {children}
      </TextLink>{" "}
      <span className="text-slate-700">({openWith[kind]})</span>
    </p>
  );
}
