import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { RegisterView } from "@/components/moderation/register-view";
import { isMonth, formatMonth } from "@/lib/months";
import { getDb } from "@/server/db";
import { loadModerationRegister } from "@/server/moderation/load-register";

/* An earlier window of the register: the months ending with `fin` ("2025-11"). Public and cached
   like the fiches: nothing rendered at build, each window on its first visit; refreshed with the
   register (server/public-paths.ts drops every page below /moderation/registre) and hourly. A month
   after this one, or before the first submission, is a 404. */
export function generateStaticParams() {
  return [];
}

export const revalidate = 3600;

type Props = { params: Promise<{ fin: string }> };

const load = cache(async (fin: string) => (isMonth(fin) ? loadModerationRegister(await getDb(), fin) : null));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { fin } = await params;
  if (!(await load(fin))) return { title: "Page introuvable" };
  return { title: `Registre de la modération, jusqu'à ${formatMonth(fin)}` };
}

export default async function EarlierRegisterPage({ params }: Props) {
  const register = await load((await params).fin);
  if (!register) notFound();
  return <RegisterView register={register} />;
}
