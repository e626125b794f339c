import { getPlanOverview } from "@/server/plan/queries";

export default async function HomePage() {
  const overview = await getPlanOverview();
  return <main><h1>{overview?.plan.title}</h1><ul>{overview?.themes.map((t) => <li key={t.slug}>{t.title}</li>)}</ul></main>;
}
