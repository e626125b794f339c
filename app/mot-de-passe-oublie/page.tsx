import type { Metadata } from "next";
import { Container } from "@/components/ui/container";
import { PageHeading } from "@/components/ui/page-heading";
import { TextLink } from "@/components/ui/text-link";
import { PasswordResetRequestForm } from "./request-form";

export const metadata: Metadata = { title: "Mot de passe oublié", robots: { index: false } };

export default function ForgottenPasswordPage() {
  return (
    <Container>
      <PageHeading
        title="Mot de passe oublié"
        lead="Indiquez l'adresse électronique de votre compte : vous recevrez un lien pour choisir un nouveau mot de passe."
      />
      <div className="flex max-w-xl flex-col gap-8">
        <PasswordResetRequestForm />
        <p className="text-slate-800">
          Vous vous souvenez de votre mot de passe ? <TextLink href="/connexion">Se connecter</TextLink>
        </p>
      </div>
    </Container>
  );
}
