import type { Metadata } from "next";
import { RegisterView } from "@/components/moderation/register-view";
import { PlanUnavailable } from "@/components/plan/plan-unavailable";
import { getDb } from "@/server/db";
import { loadCityIdentity } from "@/server/settings/city-identity";
import { loadModerationRegister } from "@/server/moderation/load-register";

/* Public and cached, outside the staff area's layout (app/moderation/(personnel)/): it reads no
   cookie. Refreshed by every write it counts (server/public-paths.ts, `register`) and at least
   hourly — which also turns the month over (docs/decisions/0016-public-moderation-register.md). */
export const revalidate = 3600;

export async function generateMetadata(): Promise<Metadata> {
  const { cityName } = await loadCityIdentity();
  return {
    title: "Registre de la modération",
    description: `Chaque mois, ce que la modération a fait des avis et propositions des conseils de quartier (${cityName}) : publiés, refusés, masqués, signalements, délais et réponses. Et les règles de la modération.`,
  };
}

export default async function ModerationRegisterPage() {
  const register = await loadModerationRegister(await getDb(), null);
  if (!register) return <PlanUnavailable />;
  return <RegisterView register={register} />;
}
