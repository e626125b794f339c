import { expect, test } from "@playwright/test";
import { demo, signInAs } from "../support/auth";
import { linkIn, waitForMail } from "../support/mail";
import { publishedProposal } from "../answers/helpers";
import { notifyByHook } from "../notifications/helpers";
import { expectNothingTypedInUrls, open, refuse, session, submit, type, unique } from "./support";

/*
 * Issue 10, point 1: every POST form of the app, submitted with JavaScript off (the page as a slow
 * phone sees it before hydration) and on. After each submission the page says what happened (an
 * alert or a status message, or the page the action redirected to with its confirmation), and no
 * value typed — passwords included — is ever in an address the browser asked for.
 *
 * Shared server and database: this spec works on data of its own — a council it creates, people
 * it invites, its own contributions and meetings. Destructive forms on shared data (demo accounts,
 * platform settings, fiches) are submitted unchanged or with an invalid value: the refusal proves
 * the round trip and nothing changes.
 */
const fiche = "limiter-intervenants-familles";

for (const js of [false, true]) {
  const mode = js ? "avec JavaScript" : "sans JavaScript";

  test.describe(mode, () => {
    test(`${mode} : conseil, invitations, compte, connexion, mot de passe, notifications`, async ({ browser }) => {
      test.setTimeout(240_000);
      const typed = new Set<string>();
      const admin = await session(browser, js, demo.admin, undefined, typed);
      const ap = admin.page;
      const councilName = `Conseil Formulaires ${unique("conseil")}`;

      // Admin: create a council (refused first: an empty name).
      await open(admin, "/admin/conseils");
      const create = ap.getByRole("form", { name: "Créer un conseil" });
      await type(admin, create.getByLabel("Quartier (facultatif)"), `Quartier ${unique("quartier")}`);
      await refuse(admin, create, "Créer le conseil");
      await type(admin, create.getByLabel("Nom du conseil"), councilName);
      // The council's page comes next, with a form to invite its referent (sent once, to a new address).
      await submit(admin, create, "Créer le conseil", /est créé/);
      await expect(ap.getByRole("heading", { level: 1, name: councilName })).toBeVisible();
      const adminCouncilPath = new URL(ap.url()).pathname;
      const referentInvite = ap
        .getByRole("region", { name: "Inviter la personne référente" })
        .getByRole("form", { name: "Inviter une personne" });
      await type(admin, referentInvite.getByLabel("Adresse électronique de la personne"), `${unique("referent")}@exemple.invalid`);
      await submit(admin, referentInvite, "Envoyer l'invitation", /Invitation envoyée/);

      // Admin: edit it, and a refused archive (no reason).
      const edit = ap.getByRole("form", { name: "Modifier le conseil" });
      await type(admin, edit.getByLabel("Quartier (facultatif)"), `Quartier modifié ${unique("quartier2")}`);
      await submit(admin, edit, /Enregistrer/, /\S/);
      const archive = ap.getByRole("form", { name: "Archiver le conseil" });
      await refuse(admin, archive, "Archiver le conseil");

      // Admin: staff invitation refused (not an address), a demo account's deactivation refused (no reason).
      await open(admin, "/admin/utilisateurs");
      const staff = ap.getByRole("form", { name: "Inviter une personne de la Ville" });
      await type(admin, staff.getByLabel("Adresse électronique"), unique("pas-une-adresse"));
      await refuse(admin, staff, "Envoyer l'invitation");
      await open(admin, "/admin/utilisateurs?recherche=elu%40demo");
      await ap.getByRole("link", { name: "Élise Élue (démo)" }).click();
      await ap.waitForURL(/\/admin\/utilisateurs\/\d+/);
      await refuse(admin, ap.getByRole("form", { name: "Désactiver le compte" }), "Désactiver le compte");

      // Admin: platform settings, sent unchanged.
      await open(admin, "/admin/parametres");
      await submit(admin, ap.getByRole("form", { name: "Paramètres de la plateforme" }), /Enregistrer/, /\S/);
      // Admin: the City's identity and the legal pages, sent unchanged; the logo refused (no file).
      await submit(admin, ap.getByRole("form", { name: "Identité de la Ville" }), /Enregistrer/, /\S/);
      await refuse(admin, ap.getByRole("form", { name: "Logo de la Ville" }), "Enregistrer le logo");
      await submit(admin, ap.getByRole("form", { name: "Pages légales" }), /Enregistrer/, /\S/);
      // Admin: personal data settings, refused (years that are not a number): nothing changes.
      const privacy = ap.getByRole("form", { name: "Données personnelles" });
      await type(admin, privacy.getByLabel("Durée de conservation des comptes désactivés, en années"), unique("annees"));
      await refuse(admin, privacy, "Enregistrer les données personnelles");

      // Admin: the plan (issue 11) — shared data, so every form is refused: a theme without a title,
      // a fiche with a link that is not a web address, an archive (of a fiche, of a theme) without a
      // reason. (The orders' « Monter / Descendre » have no wrong value: the plan's own spec,
      // e2e/admin/plan.spec.ts, moves its own themes and fiches.)
      await open(admin, "/admin/plan");
      const newTheme = ap.getByRole("form", { name: "Ajouter une thématique" });
      await type(admin, newTheme.getByLabel("Description (facultative)"), `Thématique ${unique("theme")}`);
      await refuse(admin, newTheme, "Ajouter la thématique");
      await open(admin, "/admin/plan/fiches/nouvelle");
      const newFiche = ap.getByRole("form", { name: "Ajouter une fiche action" });
      await type(admin, newFiche.getByLabel("Titre"), `Fiche ${unique("fiche")}`);
      await refuse(admin, newFiche, "Ajouter la fiche");
      await open(admin, "/admin/plan");
      await ap.getByRole("link", { name: "Limiter le nombre d'intervenants dans les familles" }).first().click();
      await ap.waitForURL(/\/admin\/plan\/fiches\/\d+$/);
      const adminFichePath = new URL(ap.url()).pathname;
      await open(admin, adminFichePath);
      const editFiche = ap.getByRole("form", { name: "Modifier la fiche action" });
      await type(admin, editFiche.getByLabel("Liens (facultatif)"), `pas-une-adresse ${unique("lien")}`);
      await refuse(admin, editFiche, "Enregistrer les modifications");
      await open(admin, adminFichePath);
      await refuse(admin, ap.getByRole("form", { name: "Archiver la fiche" }), "Archiver la fiche");
      await open(admin, "/admin/plan");
      await ap.getByRole("link", { name: /^Modifier la thématique « Gouvernance »/ }).click();
      await ap.waitForURL(/\/admin\/plan\/thematiques\/\d+$/);
      const adminThemePath = new URL(ap.url()).pathname;
      await open(admin, adminThemePath);
      const editTheme = ap.getByRole("form", { name: "Modifier la thématique" });
      await editTheme.getByLabel("Titre").fill("");
      await refuse(admin, editTheme, "Enregistrer les modifications");
      await open(admin, adminThemePath);
      await refuse(admin, ap.getByRole("form", { name: "Archiver la thématique" }), "Archiver la thématique");
      // The import of a plan file (issue 11, point 6), refused: no file chosen (this install has a
      // plan anyway; e2e/admin/plan-file.spec.ts imports one into an empty install).
      await open(admin, "/admin/plan/importer");
      await refuse(admin, ap.getByRole("form", { name: "Importer un plan" }), "Importer le plan");
      // The next plan (decision 0027): opening one is refused (no title), so the shared site keeps its
      // plan; e2e/admin/next-plan.spec.ts opens and publishes one, with and without JavaScript, on a server of its own.
      await open(admin, "/admin/plan/prochain");
      const openPlan = ap.getByRole("form", { name: "Préparer le prochain plan" });
      await type(admin, openPlan.getByLabel("Introduction"), `Introduction ${unique("plan")}`);
      await refuse(admin, openPlan, "Ouvrir le prochain plan en brouillon");

      // The current plan's presentation, refused (no title): the shared site keeps its plan as it is.
      await open(admin, "/admin/plan/presentation");
      const planDetails = ap.getByRole("form", { name: "Modifier la présentation du plan" });
      await planDetails.getByLabel("Titre du plan").fill("");
      await type(admin, planDetails.getByLabel("Introduction"), `Introduction ${unique("presentation")}`);
      await refuse(admin, planDetails, "Enregistrer les modifications");

      // The council's space: invite two people, cancel one invitation, the submission policy unchanged.
      await open(admin, adminCouncilPath);
      await ap.getByRole("link", { name: "Voir les membres dans l'espace du conseil" }).click();
      await ap.waitForURL(/\/espace\/conseils\//);
      const spacePath = new URL(ap.url()).pathname;
      await open(admin, spacePath);
      const email = `${unique("membre")}@exemple.invalid`;
      const other = `${unique("annule")}@exemple.invalid`;
      const invite = ap.getByRole("form", { name: "Inviter une personne" });
      await type(admin, invite.getByLabel("Adresse électronique de la personne"), email);
      await submit(admin, invite, "Envoyer l'invitation", /Invitation envoyée/);
      await type(admin, invite.getByLabel("Adresse électronique de la personne"), other);
      await submit(admin, invite, "Envoyer l'invitation", new RegExp(`Invitation envoyée à ${other.replace(/\./g, "\\.")}`));
      await open(admin, spacePath);
      await submit(
        admin,
        ap.getByRole("form", { name: `Annuler l'invitation de ${other}` }),
        /Annuler l'invitation/,
        /invitation a été annulée/,
      );
      await expect(ap.getByRole("form", { name: `Annuler l'invitation de ${other}` })).toHaveCount(0);
      await expect(ap.getByRole("form", { name: `Annuler l'invitation de ${email}` })).toBeVisible();
      await open(admin, `${spacePath}/parametres`);
      await submit(admin, ap.getByRole("form", { name: "Soumission à la modération" }), "Enregistrer", /\S/);

      // The invited person creates an account (refused first: two different passwords).
      const link = linkIn(await waitForMail(email, /Invitation/), "/invitation/");
      const person = await session(browser, js, undefined, undefined, typed);
      const pp = person.page;
      const name = `Personne Formulaires ${unique("nom")}`;
      const password = `phrase secrete ${unique("mdp")}`;
      await open(person, link);
      const accept = pp.getByRole("form", { name: "Créer mon compte" });
      await type(person, accept.getByLabel("Votre nom, tel que les autres le verront"), name);
      await type(person, accept.getByLabel("Choisissez un mot de passe"), password);
      await type(person, accept.getByLabel("Le même mot de passe, une seconde fois"), `autre ${password}`);
      await refuse(person, accept, /Créer mon compte/);
      await type(person, accept.getByLabel("Choisissez un mot de passe"), password);
      await type(person, accept.getByLabel("Le même mot de passe, une seconde fois"), password);
      await accept.getByRole("button", { name: /Créer mon compte/ }).click();
      // With JavaScript the browser signs in at once; without it, the sign-in page says the account exists.
      await pp.waitForURL((url) => !url.pathname.startsWith("/invitation/"), { timeout: 20_000 });
      if (new URL(pp.url()).pathname !== "/connexion") expect(pp.url()).toMatch(/\/espace\?bienvenue=1$/);
      else {
        await expect(pp.getByRole("main").getByText(/Votre compte est créé\./)).toBeVisible();
        const form = pp.getByRole("main").locator("form");
        await type(person, form.getByLabel("Adresse électronique"), email);
        await type(person, form.getByLabel("Mot de passe", { exact: true }), password);
        await form.getByRole("button", { name: "Se connecter" }).click();
        await pp.waitForURL(/\/espace/, { timeout: 20_000 });
      }
      await expect(pp.getByRole("main").getByRole("status").or(pp.getByRole("main").getByRole("alert")).first()).toBeVisible();

      // The new member: name on the public page, notifications.
      await open(person, spacePath);
      await submit(person, pp.getByRole("form", { name: "Mon nom sur la page publique du conseil" }), /mon nom publiquement/, /\S/);
      await notifyByHook(email, `Notification ${unique("notification")}`);
      await open(person, "/espace/notifications");
      await submit(person, pp.getByRole("form", { name: "Tout marquer comme lu" }), "Tout marquer comme lu", /\S/);
      await open(person, "/espace/notifications/preferences");
      await submit(person, pp.getByRole("form", { name: "Mes courriels de notification" }), "Enregistrer mes choix", /\S/);

      // The admin makes them referent, then member again.
      await open(admin, spacePath);
      await submit(admin, ap.getByRole("form", { name: `Nommer référent·e : ${name}` }), "Nommer référent·e", /\S/);
      await open(admin, spacePath);
      await submit(admin, ap.getByRole("form", { name: `Repasser membre : ${name}` }), "Repasser membre", /\S/);

      // Sign out everywhere, then sign in (a wrong password first).
      await open(person, "/deconnexion");
      await submit(
        person,
        pp.getByRole("form", { name: "Se déconnecter de tous les appareils" }),
        "Se déconnecter de tous les appareils",
        /\S/,
      );
      await open(person, "/connexion");
      const signIn = pp.getByRole("main").locator("form");
      await type(person, signIn.getByLabel("Adresse électronique"), email);
      await type(person, signIn.getByLabel("Mot de passe", { exact: true }), `faux ${password}`);
      await submit(person, signIn, "Se connecter", /incorrect/);
      // Without JavaScript next-auth's redirect does not bring the address back (it must not be in the URL): typed again.
      await type(person, pp.getByRole("main").locator("form").getByLabel("Adresse électronique"), email);
      await type(person, pp.getByRole("main").locator("form").getByLabel("Mot de passe", { exact: true }), password);
      await pp.getByRole("main").locator("form").getByRole("button", { name: "Se connecter" }).click();
      await expect(pp).not.toHaveURL(/\/connexion/, { timeout: 20_000 });
      await open(person, spacePath);
      await expect(pp.getByRole("heading", { level: 1, name: councilName })).toBeVisible();

      // A second council of this test: the person, signed in, accepts its invitation with their
      // account; then the admin takes them out (the confirmation opens without JavaScript too: a
      // <details>). Not from the first council: they are its only referent, whom it must keep.
      await open(admin, "/admin/conseils");
      const secondName = `Conseil Formulaires bis ${unique("conseil2")}`;
      await type(admin, create.getByLabel("Nom du conseil"), secondName);
      await submit(admin, create, "Créer le conseil", /est créé/);
      await expect(ap.getByRole("heading", { level: 1, name: secondName })).toBeVisible();
      await ap.getByRole("link", { name: "Voir les membres dans l'espace du conseil" }).click();
      await ap.waitForURL(/\/espace\/conseils\//);
      const secondPath = new URL(ap.url()).pathname;
      await open(admin, secondPath);
      await type(admin, invite.getByLabel("Adresse électronique de la personne"), email);
      await submit(admin, invite, "Envoyer l'invitation", /Invitation envoyée/);
      let again = link;
      await expect
        .poll(async () => (again = linkIn(await waitForMail(email, /Invitation/), "/invitation/")), { timeout: 20_000 })
        .not.toBe(link);
      await open(person, again);
      await submit(person, pp.getByRole("form", { name: "Accepter l'invitation" }), "Accepter l'invitation", /Bienvenue/);
      await open(admin, secondPath);
      await ap
        .getByRole("listitem")
        .filter({ hasText: name })
        .locator("summary", { hasText: `Retirer du conseil : ${name}` })
        .click();
      const removal = ap.getByRole("form", { name: `Confirmer : retirer ${name} du conseil` });
      await type(admin, removal.getByLabel("Raison (facultatif)"), `Raison ${unique("retrait")}`);
      await submit(admin, removal, "Oui, retirer", /retirée du conseil/);
      await expect(ap.getByRole("listitem").filter({ hasText: name })).toHaveCount(0);

      // The admin gives them a function (refused first: no reason), deactivates and reactivates the account.
      // (Searched by what all of this test's people share: what was typed must stay out of addresses.)
      await open(admin, "/admin/utilisateurs?recherche=Personne+Formulaires");
      await ap.getByRole("link", { name }).click();
      await ap.waitForURL(/\/admin\/utilisateurs\/\d+/);
      const personAdminPath = new URL(ap.url()).pathname;
      const roles = ap.getByRole("form", { name: "Changer les rôles" });
      await type(admin, roles.getByLabel("Fonction (facultative)"), `Fonction ${unique("fonction")}`);
      await refuse(admin, roles, "Enregistrer les rôles");
      await type(admin, roles.getByLabel("Raison (obligatoire)"), `Raison ${unique("roles")}`);
      await submit(admin, roles, "Enregistrer les rôles", /\S/);
      const deactivate = ap.getByRole("form", { name: "Désactiver le compte" });
      await type(admin, deactivate.getByLabel("Raison (obligatoire)"), `Départ ${unique("depart")}`);
      await submit(admin, deactivate, "Désactiver le compte", /Le compte est désactivé/);
      const reactivate = ap.getByRole("form", { name: "Réactiver le compte" });
      await type(admin, reactivate.getByLabel("Raison (obligatoire)"), `Retour ${unique("retour")}`);
      await submit(admin, reactivate, "Réactiver le compte", /Le compte est réactivé/);

      // Forgotten password → mail → new password (too short first).
      const anonymous = await session(browser, js, undefined, undefined, typed);
      const np = anonymous.page;
      await open(anonymous, "/mot-de-passe-oublie");
      const forgot = np.getByRole("form", { name: "Mot de passe oublié" });
      await type(anonymous, forgot.getByLabel("Adresse électronique de votre compte"), email);
      await submit(anonymous, forgot, "Recevoir un lien", /\S/);
      const reset = linkIn(await waitForMail(email, /mot de passe/i), "/mot-de-passe/nouveau/");
      await open(anonymous, reset);
      const change = np.getByRole("form", { name: "Changer de mot de passe" });
      await type(anonymous, change.getByLabel("Nouveau mot de passe").first(), "court");
      anonymous.typed.delete("court");
      await refuse(anonymous, change, "Enregistrer le nouveau mot de passe");
      const newPassword = `nouvelle phrase ${unique("mdp2")}`;
      for (const input of await change.locator('input[type="password"]').all()) await type(anonymous, input, newPassword);
      await change.getByRole("button", { name: "Enregistrer le nouveau mot de passe" }).click();
      await expect(np.getByRole("main").getByRole("status").or(np.getByRole("main").getByRole("alert")).first()).toBeVisible({
        timeout: 20_000,
      });

      // « Mes données »: the person erases their account — a wrong password is refused, then the
      // right one too: they are the only referent of this test's first council, which must keep one.
      await signInAs(anonymous.context, email, newPassword);
      await open(anonymous, "/espace/mes-donnees");
      const eraseOwn = np.getByRole("form", { name: "Supprimer mon compte" });
      await eraseOwn.getByRole("checkbox", { name: /^J'ai compris/ }).check();
      await type(anonymous, eraseOwn.getByLabel("Votre mot de passe, pour confirmer"), `faux ${newPassword}`);
      await refuse(anonymous, eraseOwn, "Supprimer définitivement mon compte");
      await expect(eraseOwn.getByRole("alert").first()).toHaveText("Mot de passe incorrect : votre compte n'a pas été supprimé.");
      await eraseOwn.getByRole("checkbox", { name: /^J'ai compris/ }).check();
      await type(anonymous, eraseOwn.getByLabel("Votre mot de passe, pour confirmer"), newPassword);
      await submit(anonymous, eraseOwn, "Supprimer définitivement mon compte", /dernière personne référente/);

      // The admin erases it on the person's request (refused first: no reason), once deactivated —
      // a deactivated referent keeps no council running. The page then offers no form to bring it back.
      await open(admin, personAdminPath);
      const eraseByAdmin = ap.getByRole("form", { name: "Effacer le compte" });
      await eraseByAdmin.getByRole("checkbox", { name: /^J'ai compris/ }).check();
      await refuse(admin, eraseByAdmin, "Effacer définitivement le compte");
      await type(
        admin,
        ap.getByRole("form", { name: "Désactiver le compte" }).getByLabel("Raison (obligatoire)"),
        `Départ ${unique("depart2")}`,
      );
      await submit(admin, ap.getByRole("form", { name: "Désactiver le compte" }), "Désactiver le compte", /Le compte est désactivé/);
      await type(admin, eraseByAdmin.getByLabel("Raison (obligatoire)"), `Demande ${unique("effacement")}`);
      await eraseByAdmin.getByRole("checkbox", { name: /^J'ai compris/ }).check();
      await eraseByAdmin.getByRole("button", { name: "Effacer définitivement le compte" }).click();
      // The erased account's page holds no form any more: the confirmation is the page itself.
      await expect(ap.getByRole("heading", { level: 2, name: "Compte supprimé" })).toBeVisible({ timeout: 20_000 });
      await expect(ap.getByText(/Application error|Internal Server Error|This page couldn.t load/i)).toHaveCount(0);
      for (const form of ["Changer les rôles", "Réactiver le compte", "Effacer le compte"]) {
        await expect(ap.getByRole("form", { name: form }), form).toHaveCount(0);
      }
      await expect(ap.getByRole("main")).not.toContainText(name);

      for (const s of [admin, person, anonymous]) expectNothingTypedInUrls(s);
      await Promise.all([admin, person, anonymous].map((s) => s.context.close()));
    });

    test(`${mode} : contributions, signalement, modération, motifs, soutien, réponse`, async ({ browser }) => {
      test.setTimeout(240_000);
      const typed = new Set<string>();
      const member = await session(browser, js, demo.member1, undefined, typed);
      const mp = member.page;
      const body = `Avis des formulaires ${unique("avis")}`;
      const article = (text: string) => mp.getByRole("article").filter({ hasText: text });

      // A new avis: refused (too short, no position), then saved.
      await open(member, `/espace/conseils/conseil-de-quartier-1/contributions/nouvelle?type=avis&fiche=${fiche}`);
      const form = mp.getByRole("form", { name: "Nouvel avis" });
      await type(member, form.getByLabel("Les raisons du conseil"), "nojs-court");
      await refuse(member, form, "Enregistrer le brouillon");
      await form.getByLabel("Favorable", { exact: true }).check();
      await type(member, form.getByLabel("Les raisons du conseil"), body);
      await submit(member, form, "Enregistrer le brouillon", /Brouillon enregistré/);

      // Comment, submit, edit while pending, withdraw, submit again.
      const comment = `Commentaire ${unique("commentaire")}`;
      await type(member, article(body).getByLabel(/Commenter ce brouillon/), comment);
      await submit(member, article(body).getByRole("form", { name: /^Commenter/ }), "Ajouter le commentaire", /Commentaire ajouté/);
      await submit(member, article(body), "Soumettre à la modération", /soumise à la modération/);
      await article(body)
        .getByRole("link", { name: /Modifier/ })
        .click();
      const edit = mp.getByRole("form", { name: "Modifier l'avis" });
      await expect(edit).toBeVisible();
      const corrected = `${body} corrigé ${unique("corrige")}`;
      await type(member, edit.getByLabel("Les raisons du conseil"), corrected);
      await submit(member, edit, "Enregistrer les modifications", /\S/);
      await submit(
        member,
        mp
          .getByRole("region", { name: /^En attente de modération/ })
          .getByRole("article")
          .filter({ hasText: corrected }),
        "Retirer de la modération",
        /\S/,
      );
      await submit(
        member,
        mp
          .getByRole("region", { name: /^Brouillons/ })
          .getByRole("article")
          .filter({ hasText: corrected }),
        "Soumettre à la modération",
        /soumise à la modération/,
      );
      const id = Number(
        (
          await mp
            .getByRole("region", { name: /^En attente de modération/ })
            .getByRole("article")
            .filter({ hasText: corrected })
            .getAttribute("id")
        )?.replace("contribution-", ""),
      );
      expect(id).toBeGreaterThan(0);

      // Moderation: a bulk decision with nothing ticked and a rejection without reason are refused; then approved.
      const moderator = await session(browser, js, demo.moderator, undefined, typed);
      const op = moderator.page;
      await open(moderator, "/moderation");
      await refuse(moderator, op.getByRole("form", { name: "Décider plusieurs contributions à la fois" }), "Refuser la sélection");
      await open(moderator, "/moderation");
      const item = op.locator("article", { has: op.locator(`#file-${id}`) });
      await refuse(
        moderator,
        item.locator("form").filter({ has: op.getByRole("button", { name: "Refuser avec cette raison" }) }),
        "Refuser avec cette raison",
      );
      await open(moderator, "/moderation");
      await submit(moderator, op.locator("article", { has: op.locator(`#file-${id}`) }), "Approuver et publier", /approuvée/);

      // A report by another member, then « keep » refused or done, and « hide » refused (no reason).
      const member2 = await session(browser, js, demo.member2, undefined, typed);
      await open(member2, `/signaler/${id}`);
      const reportForm = member2.page.getByRole("form", { name: "Signaler cette contribution" });
      await type(member2, reportForm.getByLabel("Raison du signalement"), `Signalement ${unique("signalement")}`);
      await submit(member2, reportForm, "Envoyer le signalement", /Merci/);
      await open(moderator, "/moderation/signalements");
      const reported = op.getByRole("article").filter({ hasText: corrected });
      await refuse(moderator, reported.locator("form").filter({ has: op.getByRole("button", { name: /Masquer/ }) }), /Masquer/);
      await open(moderator, "/moderation/signalements");
      await submit(
        moderator,
        op
          .getByRole("article")
          .filter({ hasText: corrected })
          .locator("form")
          .filter({ has: op.getByRole("button", { name: /Garder|Laisser|Republier/ }) }),
        /Garder|Laisser|Republier/,
        /\S/,
      );

      // Reason templates: create (refused first), edit, archive.
      await open(moderator, "/moderation/motifs");
      const newTemplate = op.getByRole("form", { name: "Nouveau motif" });
      const label = `Motif ${unique("motif")}`;
      await type(moderator, newTemplate.getByLabel("Nom du motif"), label);
      await refuse(moderator, newTemplate, "Créer le motif");
      await type(moderator, newTemplate.getByLabel("Nom du motif"), label);
      await type(moderator, newTemplate.getByRole("textbox").nth(1), `Texte du motif, assez long pour passer. ${unique("texte")}`);
      await submit(moderator, newTemplate, "Créer le motif", /créé/);
      await expect(op.getByRole("form", { name: `Modifier le motif ${label}` })).toBeVisible();
      await open(moderator, "/moderation/motifs");
      const editTemplate = op.getByRole("form", { name: `Modifier le motif ${label}` });
      await type(moderator, editTemplate.getByRole("textbox").nth(1), `Texte modifié du motif, assez long. ${unique("texte2")}`);
      await submit(moderator, editTemplate, "Enregistrer les modifications", /\S/);
      await open(moderator, "/moderation/motifs");
      await submit(moderator, op.getByRole("form", { name: `Archiver le motif ${label}` }), /Archiver/, /archivé : il n'est plus proposé/);
      await expect(op.getByRole("form", { name: `Proposer de nouveau le motif ${label}` })).toBeVisible();

      // A contribution received on paper, recorded for a council: refused (no provenance), then recorded.
      await open(moderator, "/moderation/papier?type=avis");
      const paper = op.getByRole("form", { name: "Saisir un avis reçu hors du site" });
      await paper.getByLabel("Conseil au nom duquel la contribution a été remise").selectOption({ label: "Conseil de quartier n°1" });
      await paper.getByLabel("Fiche action concernée").selectOption(fiche);
      await paper.getByLabel("Favorable", { exact: true }).check();
      const paperBody = `Avis reçu sur papier ${unique("papier")}`;
      await type(moderator, paper.getByLabel("Les raisons du conseil"), paperBody);
      await refuse(moderator, paper, "Enregistrer et placer en modération");
      await paper.getByLabel("Par courrier").check();
      await type(moderator, paper.getByLabel("Nom de l'auteur (facultatif)"), `Auteur ${unique("auteur")}`);
      await submit(moderator, paper, "Enregistrer et placer en modération", /Contribution saisie/);

      // Support in the name of council n°2, and the Ville's answer, on a proposal of this test.
      const title = `Proposition des formulaires ${unique("proposition")}`;
      const proposal = await publishedProposal(browser, title, "Le conseil propose un texte assez long pour passer.", fiche);
      await open(member2, `/espace/soutenir/${proposal}`);
      await submit(member2, member2.page.getByRole("form", { name: "Soutien du Conseil de quartier n°2" }), /Soutenir/, /soutient/);
      const official = await session(browser, js, demo.official, undefined, typed);
      await open(official, `/reponses/${proposal}`);
      const answer = official.page.getByRole("form", { name: "Répondre à la proposition" });
      await type(official, answer.getByLabel("La réponse de la Ville"), `nojs-trop-court`);
      await refuse(official, answer, "Publier la réponse");
      await answer.getByLabel("Où en est la proposition ?").selectOption({ index: 1 });
      await type(
        official,
        answer.getByLabel("La réponse de la Ville"),
        `La Ville étudie cette proposition avec attention. ${unique("reponse")}`,
      );
      await submit(official, answer, "Publier la réponse", /\S/);

      for (const s of [member, moderator, member2, official]) expectNothingTypedInUrls(s);
      await Promise.all([member, moderator, member2, official].map((s) => s.context.close()));
    });

    test(`${mode} : points d'étape, échéance, élu·e·s, réunions, compte rendu, diapositives`, async ({ browser }) => {
      test.setTimeout(180_000);
      const admin = await session(browser, js, demo.admin);
      const ap = admin.page;

      // A fiche shared with other specs: every progress form is refused (nothing changes), the officials saved unchanged.
      await open(admin, `/espace/fiches/pilotage-projet-social`);
      const report = ap.getByRole("form", { name: "Nouveau point d'étape" });
      await type(admin, report.getByLabel("Titre"), `Point ${unique("point")}`);
      await type(admin, report.getByLabel("Ce qui a été fait"), `Texte ${unique("fait")}`);
      await report.getByLabel("Nouvel avancement (en %)").fill("140");
      await refuse(admin, report, "Publier le point d'étape");
      const correction = ap.getByRole("form", { name: /^Corriger/ }).first();
      if ((await correction.count()) > 0) {
        await correction.getByLabel("Nouvel avancement (en %)").fill("140");
        await refuse(admin, correction, "Publier la correction");
      }
      const deadline = ap.getByRole("form", { name: "Changer l'échéance" });
      await type(admin, deadline.getByRole("textbox").last(), `Raison ${unique("echeance")}`);
      await refuse(admin, deadline, "Enregistrer la nouvelle échéance");
      await submit(admin, ap.getByRole("form", { name: "Élu·e·s en charge" }), "Enregistrer", /\S/);

      // A meeting of this test: created (refused first), edited, minutes, slides frozen then live again.
      await open(admin, "/espace/reunions/nouvelle");
      const meeting = ap.getByRole("form", { name: "Nouvelle réunion" });
      const title = `Réunion Formulaires ${unique("reunion")}`;
      await type(admin, meeting.getByLabel("Titre"), title);
      await refuse(admin, meeting, "Créer la réunion");
      // In the past, so that its minutes can be written.
      await meeting.getByLabel("Date").fill(new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10));
      await type(admin, meeting.getByLabel("Lieu"), `Salle ${unique("lieu")}`);
      await submit(admin, meeting, "Créer la réunion", /créée/);
      const meetingPath = new URL(ap.url()).pathname;
      const editMeeting = ap.getByRole("form", { name: "Modifier la réunion" });
      await type(admin, editMeeting.getByLabel("Lieu"), `Autre salle ${unique("lieu2")}`);
      await submit(admin, editMeeting, "Enregistrer la réunion", /\S/);
      await open(admin, meetingPath);
      const minutes = ap.getByRole("form", { name: "Compte rendu" });
      await type(admin, minutes.getByLabel("Compte rendu"), `Compte rendu ${unique("compte-rendu")}`);
      await submit(admin, minutes, /compte rendu/, /compte rendu est publié/);
      // It took place: it stays, so it offers no deletion.
      await expect(ap.locator("summary", { hasText: "Supprimer la réunion" })).toHaveCount(0);
      // The slides can be frozen only before the meeting: a second meeting, in the future.
      await open(admin, "/espace/reunions/nouvelle");
      const future = ap.getByRole("form", { name: "Nouvelle réunion" });
      await type(admin, future.getByLabel("Titre"), `Réunion future ${unique("future")}`);
      await future.getByLabel("Date").fill(new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10));
      await type(admin, future.getByLabel("Lieu"), `Salle ${unique("lieu3")}`);
      await submit(admin, future, "Créer la réunion", /créée/);
      const futurePath = new URL(ap.url()).pathname;
      const futureSlug = futurePath.split("/").pop()!;
      await open(admin, `/presentation/${futureSlug}`);
      await ap.getByRole("button", { name: "Figer les données" }).click();
      await expect(ap.getByRole("status").filter({ hasText: "Les données sont figées" })).toBeVisible();
      await ap.getByRole("button", { name: "Revenir aux données en direct" }).click();
      await expect(ap.getByRole("status").filter({ hasText: "données en direct" })).toBeVisible();
      // It has not taken place: it can be deleted (the confirmation is a <details>).
      await open(admin, futurePath);
      await ap.locator("summary", { hasText: "Supprimer la réunion" }).click();
      await submit(admin, ap.getByRole("form", { name: "Supprimer la réunion" }), "Oui, supprimer la réunion", /réunion est supprimée/);
      await expect(ap).toHaveURL(/\/espace\/reunions\?supprimee=1$/);
      expect((await ap.request.get(`/reunions/${futureSlug}`)).status()).toBe(404);

      expectNothingTypedInUrls(admin);
      await admin.context.close();
    });
  });
}
