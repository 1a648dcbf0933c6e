#include "suivi/browse.h"
#include "suivi/date.h"
#include "suivi/model.h"
#include "suivi/number.h"
#include "suivi/text.h"
#include "suivi/xalloc.h"

#include <stdlib.h>
#include <string.h>

struct builder {
	const struct browse_input *in;
	struct strbuf sb;
};

static void date_text(const struct builder *b, const char *iso, char *buf)
{
	struct date d;

	if (!iso || date_parse(iso, &d) != 0) {
		snprintf(buf, DATE_ISO_LEN, "%s", iso ? iso : "?");
		return;
	}
	if (b->in->iso_dates)
		date_format_iso(d, buf);
	else
		date_format_fr(d, buf);
}

static struct node *add(struct node *parent, enum node_kind kind,
			const char *label, struct strbuf *detail)
{
	struct node *n = xcalloc(1, sizeof *n);

	n->kind = kind;
	n->label = xstrdup(label);
	n->detail = detail ? strbuf_detach(detail) : xstrdup("");
	n->parent = parent;
	n->domain = parent ? parent->domain : -1;
	n->version = -1;
	/* folded for search on the first search, not here: building the
	 * tree must cost what the screen shows */
	n->folded = NULL;
	if (parent) {
		parent->kids = xgrow(parent->kids, &parent->cap,
				     parent->n_kids + 1, sizeof *parent->kids);
		parent->kids[parent->n_kids++] = n;
	}
	return n;
}

/* "Libellé : valeur" when value is set, "Libellé : —" otherwise. */
static void field(struct strbuf *sb, const char *label, const char *value)
{
	strbuf_addf(sb, "%s : %s\n", label, value && *value ? value : "—");
}

static void para(struct strbuf *sb, const char *title, const char *text)
{
	if (!text || !*text)
		return;
	if (title)
		strbuf_addf(sb, "\n%s\n", title);
	strbuf_addf(sb, "%s\n", text);
}

/* ------------------------------------------------------------------ */

/* Is key one of the choices "type_valeur, echelle"? Its mark, or "". */
#define CHOICE_MARK " — choix du suivi"
#define CHOICE_NOTE "(« choix du suivi » : le contrat ne le dit pas ; le " \
		    "fichier du contrat le choisit, section [choix].)\n"

static const char *chosen(const char *choices, const char *key)
{
	return text_list_has(choices, key) ? CHOICE_MARK : "";
}

static void build_info(struct builder *b, struct node *root)
{
	const struct contract_view *c = b->in->contract;
	struct strbuf sb;
	char d1[DATE_ISO_LEN], d2[DATE_ISO_LEN];

	strbuf_init(&sb);
	strbuf_addf(&sb, "%s\n\n", c->title);
	field(&sb, "Commune", c->commune);
	strbuf_addf(&sb, "Code INSEE : %s%s\n", c->insee,
		    chosen(c->choices, "insee"));
	field(&sb, "Identifiant", c->identifier);
	date_text(b, c->starts_on, d1);
	strbuf_addf(&sb, "Début : %s%s\n", d1, chosen(c->choices, "debut"));
	if (c->signed_on) {
		date_text(b, c->signed_on, d2);
		strbuf_addf(&sb, "Signé le : %s%s\n", d2,
			    chosen(c->choices, "signature"));
	} else {
		field(&sb, "Signé le", NULL);
	}
	if (c->duration)
		strbuf_addf(&sb, "Durée : %s%s\n", c->duration,
			    chosen(c->choices, "duree"));
	else
		field(&sb, "Durée", NULL);
	field(&sb, "Pour la Métropole", c->metropole_signatory);
	field(&sb, "Pour la commune", c->mayor_signatory);
	if (c->choices)
		strbuf_addstr(&sb, CHOICE_NOTE);
	date_text(b, b->in->date, d1);
	strbuf_addf(&sb, "\nAnnexes en vigueur le %s :\n", d1);
	if (!b->in->n_domains)
		strbuf_addstr(&sb, "aucune annexe transcrite\n");
	for (size_t i = 0; i < b->in->n_domains; i++) {
		const struct browse_domain *d = &b->in->domains[i];
		const struct annex_info *v;

		if (d->in_force == BROWSE_NONE) {
			date_text(b, d->versions[0].info.in_force_from, d2);
			strbuf_addf(&sb, "• %s : aucune annexe transcrite en "
				    "vigueur le %s (la première l'est à partir "
				    "du %s)\n", d->name, d1, d2);
			continue;
		}
		v = &d->versions[d->in_force].info;
		date_text(b, v->in_force_from, d2);
		if (v->version == 0)
			strbuf_addf(&sb, "• %s : annexe du contrat, depuis le %s\n",
				    d->name, d2);
		else
			strbuf_addf(&sb, "• %s : avenant n°%d, depuis le %s\n",
				    d->name, v->version, d2);
	}
	para(&sb, "Préambule", c->preamble);
	add(root, NODE_INFO, "Le contrat", &sb);
}

static void build_rules(struct node *root)
{
	struct strbuf sb;

	strbuf_init(&sb);
	strbuf_addstr(&sb, "Ce que le contrat fixe, et que suivi applique.\n\n"
			   "Saisines (article 4), sous toutes formes : courrier, "
			   "note, courriel, téléphone, demande orale, outil "
			   "partagé.\n");
	for (int k = 0; k < REQUEST_KIND_COUNT; k++)
		strbuf_addf(&sb, "• Saisine %s : %s.\n",
			    request_kind_vocab[k].label,
			    request_kind_definition[k]);
	strbuf_addstr(&sb, "\nDivergences et arbitrage (article 4) :\n");
	for (int l = 0; l < ARBITRATION_LEVELS; l++)
		strbuf_addf(&sb, "%d. %s ;\n", l + 1, arbitration_level_label[l]);
	strbuf_addstr(&sb, "aucun niveau n'est sauté. En cas de divergence sur "
			   "le fond, les instructions du Maire sont appliquées en "
			   "dernière instance.\nUn état récapitulatif annuel des "
			   "demandes exceptionnelles et des litiges, avec les "
			   "solutions arbitrées, est présenté en Conférence "
			   "territoriale.\n");
	strbuf_addf(&sb, "\nSuivi du contrat (article 5) :\n"
			 "• une réunion de lancement ;\n"
			 "• des rencontres des responsables du suivi tous les "
			 "mois la première année, puis au moins tous les %d mois ;\n"
			 "• au moins %d réunions par an avec les Maires ;\n"
			 "• une évaluation annuelle, communiquée à la commune au "
			 "plus tard le %d mars de l'année suivante et présentée "
			 "aux instances délibératives communales pour information.\n",
		    CADENCE_AFTER_MONTHS, CADENCE_MAYORS_PER_YEAR,
		    EVALUATION_DEADLINE_DAY);
	strbuf_addstr(&sb, "\nRévision (article 6) : un avenant remplace une "
			   "annexe à partir de sa date d'entrée en vigueur ; les "
			   "valeurs déjà mesurées restent rattachées à la version "
			   "en vigueur quand elles l'ont été.\n");
	add(root, NODE_RULES, "L'essentiel : saisines, arbitrage, suivi", &sb);
}

static void build_articles(struct builder *b, struct node *root)
{
	const struct contract_view *c = b->in->contract;
	struct node *arts;
	struct strbuf sb;

	if (!c->n_articles)
		return;
	strbuf_init(&sb);
	for (size_t i = 0; i < c->n_articles; i++)
		strbuf_addf(&sb, "Article %d : %s\n", c->articles[i].number,
			    c->articles[i].title);
	arts = add(root, NODE_ARTICLES, "Articles du contrat", &sb);
	for (size_t i = 0; i < c->n_articles; i++) {
		const struct article *a = &c->articles[i];
		char label[512];

		strbuf_init(&sb);
		strbuf_addf(&sb, "Article %d : %s\n\nEn bref :\n%s\n", a->number,
			    a->title, a->summary);
		para(&sb, "Texte de l'article :", a->text);
		snprintf(label, sizeof label, "Article %d : %s", a->number,
			 a->title);
		add(arts, NODE_ARTICLE, label, &sb);
	}
}

static const char *subdomain_name(const struct annex *a, const char *letter)
{
	for (size_t i = 0; letter && i < a->n_subdomains; i++)
		if (!strcmp(a->subdomains[i].letter, letter))
			return a->subdomains[i].name;
	return NULL;
}

/* The contact cell for a kind and sub-domain: the sub-domain's own, else
 * the one for every sub-domain. */
static const struct contact *contact_for(const struct annex *a,
					 const char *letter,
					 enum request_kind kind)
{
	const struct contact *all = NULL;

	for (size_t i = 0; i < a->n_contacts; i++) {
		const struct contact *c = &a->contacts[i];

		if (c->kind != kind)
			continue;
		if (!c->subdomain)
			all = c;
		else if (letter && !strcmp(c->subdomain, letter))
			return c;
	}
	return all;
}

static void contacts_text(struct strbuf *sb, const struct annex *a,
			  const char *letter)
{
	for (int k = 0; k < REQUEST_KIND_COUNT; k++) {
		const struct contact *c = contact_for(a, letter, (enum request_kind)k);

		strbuf_addf(sb, "Saisine %s\n", request_kind_vocab[k].label);
		if (!c) {
			strbuf_addstr(sb, "  (le contrat ne dit pas qui saisir)\n");
			continue;
		}
		strbuf_addf(sb, "• Commune : %s\n", c->commune);
		strbuf_addf(sb, "• Service commun : %s\n", c->shared);
	}
}

static void build_subdomains(struct node *dom, const struct annex *a)
{
	struct node *list, *sdn;
	struct strbuf sb;

	strbuf_init(&sb);
	for (size_t i = 0; i < a->n_subdomains; i++)
		strbuf_addf(&sb, "%s. %s (%zu activité%s)\n",
			    a->subdomains[i].letter, a->subdomains[i].name,
			    a->subdomains[i].n_activities,
			    a->subdomains[i].n_activities > 1 ? "s" : "");
	list = add(dom, NODE_SUBDOMAINS, "Sous-domaines et activités", &sb);
	for (size_t i = 0; i < a->n_subdomains; i++) {
		const struct subdomain *sd = &a->subdomains[i];
		char label[512];
		const char *heading = NULL;

		strbuf_init(&sb);
		strbuf_addf(&sb, "%s. %s\n\nQui saisir :\n", sd->letter, sd->name);
		contacts_text(&sb, a, sd->letter);
		strbuf_addstr(&sb, "\nActivités mutualisées :\n");
		if (!sd->n_activities)
			strbuf_addstr(&sb, "(le sous-domaine lui-même)\n");
		for (size_t k = 0; k < sd->n_activities; k++) {
			const struct activity *ac = &sd->activities[k];

			if (ac->heading && (!heading || strcmp(heading, ac->heading))) {
				strbuf_addf(&sb, "%s :\n", ac->heading);
				heading = ac->heading;
			}
			strbuf_addf(&sb, "• %s\n", ac->text);
		}
		para(&sb, "Note :", sd->note);
		if (a->n_roles) {
			/* the annex names them once for all its sub-domains */
			strbuf_addstr(&sb, "\nRôles (pour tout le domaine) :\n");
			for (size_t k = 0; k < a->n_roles; k++)
				strbuf_addf(&sb, "• %s (%s) : %s\n",
					    a->roles[k].title,
					    side_vocab[a->roles[k].side].label,
					    a->roles[k].holder);
		}
		snprintf(label, sizeof label, "%s. %s", sd->letter, sd->name);
		sdn = add(list, NODE_SUBDOMAIN, label, &sb);
		for (size_t k = 0; k < sd->n_activities; k++) {
			const struct activity *ac = &sd->activities[k];

			strbuf_init(&sb);
			if (ac->heading)
				strbuf_addf(&sb, "%s :\n", ac->heading);
			strbuf_addf(&sb, "%s\n\nSous-domaine %s. %s\n", ac->text,
				    sd->letter, sd->name);
			add(sdn, NODE_ACTIVITY, ac->text, &sb);
		}
	}
}

static void indicator_text(struct builder *b, struct strbuf *sb,
			   const struct annex *a, const struct commitment *c,
			   const struct indicator *d)
{
	const char *sd = subdomain_name(a, c->subdomain);
	char *target;

	strbuf_addf(sb, "Indicateur %s\n%s\n\n", d->code, d->label);
	strbuf_addf(sb, "Engagement %s : %s\n", c->code, c->title);
	if (sd)
		strbuf_addf(sb, "Sous-domaine : %s. %s\n", c->subdomain, sd);
	field(sb, "Définition", d->definition ? d->definition
					       : "(l'intitulé en tient lieu)");
	field(sb, "Périodicité", periodicity_vocab[d->periodicity].label);
	field(sb, "Source", d->source);
	field(sb, "Niveau de service constaté", d->baseline);
	field(sb, "Conditions de réalisation", d->conditions);
	/* what the follow-up chose is said to be its choice */
	strbuf_addf(sb, "Type de valeur : %s%s\n",
		    value_kind_vocab[d->value_kind].label,
		    chosen(d->choices, "type_valeur"));
	if (d->value_kind == VALUE_LEVEL)
		strbuf_addf(sb, "Échelle : de %d à %d%s\n", d->scale_min,
			    d->scale_max, chosen(d->choices, "echelle"));
	if (d->unit)
		strbuf_addf(sb, "Unité : %s%s\n", d->unit,
			    chosen(d->choices, "unite"));
	strbuf_addf(sb, "Sens : %s%s\n", better_vocab[d->better].label,
		    chosen(d->choices, "meilleur"));
	if (d->criticalities)
		strbuf_addf(sb, "Par criticité : %s%s\n", d->criticalities,
			    chosen(d->choices, "criticites"));
	if (d->computed_from >= 0)
		strbuf_addf(sb, "Calculable depuis les saisines : %s%s\n",
			    computed_vocab[d->computed_from].label,
			    chosen(d->choices, "calcul"));
	if (d->choices)
		strbuf_addstr(sb, CHOICE_NOTE);
	if (!d->criticalities) {
		target = b->in->target ? b->in->target(b->in->ctx, b->in->year, d, "") : NULL;
		strbuf_addf(sb, "Cible %d : %s\n", b->in->year,
			    target ? target : "non fixée");
		free(target);
		return;
	}
	strbuf_addf(sb, "Cibles %d :\n", b->in->year);
	{
		char **lv;
		size_t nl = contract_levels(d->criticalities, &lv);

		for (size_t i = 0; i < nl; i++) {
			target = b->in->target ? b->in->target(b->in->ctx,
							       b->in->year, d,
							       lv[i])
					       : NULL;
			strbuf_addf(sb, "• %s : %s\n", lv[i],
				    target ? target : "non fixée");
			free(target);
		}
		contract_levels_free(lv, nl);
	}
}

static void build_commitments(struct builder *b, struct node *dom,
			      const struct annex *a)
{
	struct node *list;
	struct strbuf sb;

	strbuf_init(&sb);
	for (size_t i = 0; i < a->n_commitments; i++) {
		strbuf_addf(&sb, "Engagement %s : %s\n", a->commitments[i].code,
			    a->commitments[i].title);
		for (size_t k = 0; k < a->n_indicators; k++)
			if (!strcmp(a->indicators[k].commitment,
				    a->commitments[i].code))
				strbuf_addf(&sb, "  • %s %s\n",
					    a->indicators[k].code,
					    a->indicators[k].label);
	}
	list = add(dom, NODE_COMMITMENTS, "Engagements et indicateurs", &sb);
	for (size_t i = 0; i < a->n_commitments; i++) {
		const struct commitment *c = &a->commitments[i];
		const char *sd = subdomain_name(a, c->subdomain);
		struct node *cn;
		char label[512];

		strbuf_init(&sb);
		strbuf_addf(&sb, "Engagement %s\n%s\n\n", c->code, c->title);
		if (sd)
			strbuf_addf(&sb, "Sous-domaine : %s. %s\n\n", c->subdomain,
				    sd);
		strbuf_addstr(&sb, "Indicateurs :\n");
		for (size_t k = 0; k < a->n_indicators; k++)
			if (!strcmp(a->indicators[k].commitment, c->code))
				strbuf_addf(&sb, "• %s %s (%s)\n",
					    a->indicators[k].code,
					    a->indicators[k].label,
					    periodicity_vocab[a->indicators[k]
							      .periodicity].label);
		snprintf(label, sizeof label, "%s %s", c->code, c->title);
		cn = add(list, NODE_COMMITMENT, label, &sb);
		for (size_t k = 0; k < a->n_indicators; k++) {
			const struct indicator *d = &a->indicators[k];

			if (strcmp(d->commitment, c->code))
				continue;
			strbuf_init(&sb);
			indicator_text(b, &sb, a, c, d);
			snprintf(label, sizeof label, "%s %s", d->code, d->label);
			add(cn, NODE_INDICATOR, label, &sb);
		}
	}
}

static void build_annex_parts(struct node *dom, const struct annex *a)
{
	struct strbuf sb;
	struct node *list;
	int n = 0;

	strbuf_init(&sb);
	for (size_t i = 0; i < a->n_roles; i++)
		strbuf_addf(&sb, "%s (%s)\n%s\n\n", a->roles[i].title,
			    side_vocab[a->roles[i].side].label,
			    a->roles[i].holder);
	if (!a->n_roles)
		strbuf_addstr(&sb, "(aucun rôle transcrit)\n");
	add(dom, NODE_ROLES, "Rôles et responsabilités", &sb);

	strbuf_init(&sb);
	strbuf_addstr(&sb, "Qui saisir, par type de saisine et sous-domaine.\n");
	for (size_t i = 0; i < a->n_subdomains; i++) {
		strbuf_addf(&sb, "\n%s. %s\n", a->subdomains[i].letter,
			    a->subdomains[i].name);
		contacts_text(&sb, a, a->subdomains[i].letter);
	}
	if (!a->n_subdomains)
		contacts_text(&sb, a, NULL);
	add(dom, NODE_CONTACTS, "Contacts (qui saisir)", &sb);

	strbuf_init(&sb);
	for (size_t i = 0; i < a->n_items; i++) {
		const struct annex_item *it = &a->items[i];

		if (it->kind != ITEM_PRIORITY)
			continue;
		if (!n++)
			strbuf_addstr(&sb, "Priorités et dossiers prioritaires :\n");
		strbuf_addf(&sb, "• %s%s\n", it->text,
			    it->removed ? " [supprimée par l'avenant]" : "");
	}
	n = 0;
	for (size_t i = 0; i < a->n_items; i++) {
		if (a->items[i].kind != ITEM_MUTUAL_COMMITMENT)
			continue;
		if (!n++)
			strbuf_addstr(&sb, "\nEngagements de service réciproques :\n");
		strbuf_addf(&sb, "• %s\n", a->items[i].text);
	}
	if (!a->n_items)
		strbuf_addstr(&sb, "(aucune priorité transcrite)\n");
	add(dom, NODE_PRIORITIES, "Priorités", &sb);

	if (a->n_committees) {
		strbuf_init(&sb);
		for (size_t i = 0; i < a->n_committees; i++)
			strbuf_addf(&sb, "• %s (%s)\n", a->committees[i].name,
				    a->committees[i].frequency
					    ? a->committees[i].frequency
					    : "fréquence non dite");
		list = add(dom, NODE_COMMITTEES, "Comités (gouvernance)", &sb);
		for (size_t i = 0; i < a->n_committees; i++) {
			const struct committee *c = &a->committees[i];

			strbuf_init(&sb);
			strbuf_addf(&sb, "%s\n\n", c->name);
			field(&sb, "Objet", c->purpose);
			field(&sb, "Pour la commune", c->members_commune);
			field(&sb, "Pour le service commun", c->members_shared);
			field(&sb, "Fréquence", c->frequency);
			add(list, NODE_COMMITTEE, c->name, &sb);
		}
	}

	strbuf_init(&sb);
	para(&sb, NULL, a->title);
	para(&sb, "Propos liminaire", a->preamble);
	para(&sb, "Moyens consacrés par la commune", a->means);
	para(&sb, "Modalités de mise en œuvre", a->implementation);
	para(&sb, "Modes de fonctionnement", a->operation);
	para(&sb, "Volumétrie", a->volume_note);
	para(&sb, "Notes", a->notes);
	add(dom, NODE_TEXTS, "Textes de l'annexe", &sb);
}

static void version_label(const struct builder *b,
			  const struct browse_domain *d, size_t v, char *buf,
			  size_t n)
{
	const struct annex_info *info = &d->versions[v].info;
	char from[DATE_ISO_LEN], to[DATE_ISO_LEN];

	date_text(b, info->in_force_from, from);
	if (v + 1 < d->n_versions) {
		/* in force until the day before the next one */
		struct date next;

		if (date_parse(d->versions[v + 1].info.in_force_from,
			       &next) == 0) {
			char iso[DATE_ISO_LEN];

			date_format_iso(date_prev_day(next), iso);
			date_text(b, iso, to);
		} else {
			date_text(b, d->versions[v + 1].info.in_force_from, to);
		}
		snprintf(buf, n, "%s, du %s au %s",
			 info->version ? "" : "annexe du contrat", from, to);
	} else {
		snprintf(buf, n, "%s, depuis le %s",
			 info->version ? "" : "annexe du contrat", from);
	}
	if (info->version) {
		char tmp[256];

		snprintf(tmp, sizeof tmp, "avenant n°%d%s", info->version, buf);
		snprintf(buf, n, "%s", tmp);
	}
}

static void build_versions(struct builder *b, struct node *dom,
			   const struct browse_domain *d)
{
	struct node *list;
	struct strbuf sb;
	char label[320];

	strbuf_init(&sb);
	strbuf_addstr(&sb, "Chaque avenant remplace l'annexe à partir de sa "
			   "date. Entrée sur une version l'affiche ; les "
			   "valeurs mesurées restent rattachées à la version "
			   "en vigueur quand elles l'ont été.\n\n");
	for (size_t v = 0; v < d->n_versions; v++) {
		version_label(b, d, v, label, sizeof label);
		strbuf_addf(&sb, "• %s%s%s\n", label,
			    v == d->in_force ? " [en vigueur]" : "",
			    v == d->shown ? " [affichée]" : "");
	}
	list = add(dom, NODE_VERSIONS, "Versions de l'annexe", &sb);
	for (size_t v = 0; v < d->n_versions; v++) {
		struct node *n;

		strbuf_init(&sb);
		version_label(b, d, v, label, sizeof label);
		strbuf_addf(&sb, "%s\n%s%s\n\n", d->name, label,
			    v == d->in_force ? " (en vigueur)" : "");
		if (v == 0 && d->versions[0].info.version > 0)
			strbuf_addstr(&sb, "La version d'origine de cette annexe "
					   "n'est pas transcrite : rien à comparer.\n");
		else if (v > 0)
			browse_diff(d->versions[v - 1].annex,
				    d->versions[v].annex, &sb);
		strbuf_addstr(&sb, "\nEntrée : afficher cette version.\n");
		if (v == d->shown)
			strncat(label, " [affichée]",
				sizeof label - strlen(label) - 1);
		n = add(list, NODE_VERSION, label, &sb);
		n->version = (int)v;
	}
}

static void build_domain(struct builder *b, struct node *root, size_t i)
{
	const struct browse_domain *d = &b->in->domains[i];
	const struct browse_version *v = &d->versions[d->shown];
	const struct annex *a = v->annex;
	struct node *dom;
	struct strbuf sb;
	char label[512], from[DATE_ISO_LEN];
	const char *old = d->shown != d->in_force ? " [ancienne version]" : "";

	strbuf_init(&sb);
	date_text(b, v->info.in_force_from, from);
	strbuf_addf(&sb, "%s\n", d->name);
	if (a->title)
		strbuf_addf(&sb, "%s\n", a->title);
	if (v->info.version == 0)
		strbuf_addf(&sb, "\nVersion affichée : annexe du contrat, en "
			    "vigueur depuis le %s", from);
	else
		strbuf_addf(&sb, "\nVersion affichée : avenant n°%d, en vigueur "
			    "depuis le %s", v->info.version, from);
	if (d->in_force == BROWSE_NONE) {
		char on[DATE_ISO_LEN];

		date_text(b, b->in->date, on);
		strbuf_addf(&sb, " (PAS encore en vigueur)\n\nAucune annexe "
			    "transcrite en vigueur le %s : rien de ce domaine ne "
			    "s'applique avant le %s.\n", on, from);
	} else {
		strbuf_addstr(&sb, d->shown == d->in_force
				   ? " (celle en vigueur)\n"
				   : " (PAS celle en vigueur)\n");
	}
	strbuf_addf(&sb, "\n%zu sous-domaine%s, %zu engagement%s, %zu "
		    "indicateur%s, %zu version%s de l'annexe.\n",
		    a->n_subdomains, a->n_subdomains > 1 ? "s" : "",
		    a->n_commitments, a->n_commitments > 1 ? "s" : "",
		    a->n_indicators, a->n_indicators > 1 ? "s" : "",
		    d->n_versions, d->n_versions > 1 ? "s" : "");
	if (v->info.version == 0)
		snprintf(label, sizeof label, "%s%s", d->name, old);
	else
		snprintf(label, sizeof label, "%s (avenant n°%d)%s", d->name,
			 v->info.version, old);
	dom = add(root, NODE_DOMAIN, label, &sb);
	dom->domain = (int)i;
	/* its levels when first opened: the map costs what is looked at */
	dom->pending = true;
}

static struct node *root_of(struct node *n)
{
	while (n->parent)
		n = n->parent;
	return n;
}

void browse_expand(struct node *n)
{
	struct builder b;
	const struct browse_domain *d;
	const struct annex *a;

	if (!n || !n->pending)
		return;
	n->pending = false;
	b.in = root_of(n)->in;
	d = &b.in->domains[n->domain];
	a = d->versions[d->shown].annex;
	build_subdomains(n, a);
	build_commitments(&b, n, a);
	build_annex_parts(n, a);
	build_versions(&b, n, d);
}

bool browse_has_kids(const struct node *n)
{
	return n->n_kids > 0 || n->pending;
}


/* "nsi, eco" as the domains' names, under label; nothing when empty. */
static void domain_names(struct builder *b, struct strbuf *sb,
			 const char *label, const char *codes)
{
	struct strbuf names;

	if (!codes || !*codes)
		return;
	strbuf_init(&names);
	for (size_t k = 0; k < b->in->n_domains; k++)
		if (text_list_has(codes, b->in->domains[k].code))
			strbuf_addf(&names, "%s%s", names.len ? ", " : "",
				    b->in->domains[k].name);
	field(sb, label, names.len ? names.buf : codes);
	strbuf_release(&names);
}

static void build_amendments(struct builder *b, struct node *root)
{
	const struct contract_view *c = b->in->contract;
	struct node *list;
	struct strbuf sb;
	char d1[DATE_ISO_LEN];

	strbuf_init(&sb);
	if (!c->n_amendments)
		strbuf_addstr(&sb, "Aucun avenant.\n");
	for (size_t i = 0; i < c->n_amendments; i++) {
		date_text(b, c->amendments[i].in_force_from, d1);
		strbuf_addf(&sb, "• Avenant n°%d, en vigueur le %s : %s\n",
			    c->amendments[i].number, d1, c->amendments[i].object);
	}
	list = add(root, NODE_AMENDMENTS, "Avenants", &sb);
	for (size_t i = 0; i < c->n_amendments; i++) {
		const struct amendment_info *am = &c->amendments[i];
		char label[512];

		strbuf_init(&sb);
		date_text(b, am->in_force_from, d1);
		strbuf_addf(&sb, "Avenant n°%d\n\n", am->number);
		field(&sb, "En vigueur le", d1);
		if (am->signed_on) {
			date_text(b, am->signed_on, d1);
			field(&sb, "Signé le", d1);
		}
		field(&sb, "Objet", am->object);
		domain_names(b, &sb, "Annexes remplacées", am->replaces);
		domain_names(b, &sb, "Domaines ajoutés", am->adds);
		/* what it changed, annex by annex */
		for (size_t k = 0; k < b->in->n_domains; k++) {
			const struct browse_domain *d = &b->in->domains[k];

			for (size_t v = 0; v < d->n_versions; v++) {
				if (d->versions[v].info.version != am->number)
					continue;
				strbuf_addf(&sb, "\nCe qui change dans « %s » :\n",
					    d->name);
				if (v == 0 && text_list_has(am->adds, d->code))
					strbuf_addstr(&sb, "Domaine ajouté au "
						      "contrat par l'avenant, qui "
						      "en donne l'annexe.\n");
				else if (v == 0)
					strbuf_addstr(&sb, "La version précédente "
						      "de l'annexe n'est pas "
						      "transcrite : l'avenant en "
						      "donne le texte complet.\n");
				else
					browse_diff(d->versions[v - 1].annex,
						    d->versions[v].annex, &sb);
			}
		}
		snprintf(label, sizeof label, "Avenant n°%d : %s", am->number,
			 am->object);
		add(list, NODE_AMENDMENT, label, &sb);
	}
}

struct node *browse_build(const struct browse_input *in)
{
	struct builder b;
	struct node *root = add(NULL, NODE_ROOT, in->contract->commune, NULL);

	root->in = xmalloc(sizeof *root->in);
	*root->in = *in;
	b.in = root->in;

	build_info(&b, root);
	build_rules(root);
	build_articles(&b, root);
	for (size_t i = 0; i < in->n_domains; i++)
		build_domain(&b, root, i);
	build_amendments(&b, root);
	return root;
}

void browse_free(struct node *n)
{
	if (!n)
		return;
	for (size_t i = 0; i < n->n_kids; i++)
		browse_free(n->kids[i]);
	free(n->kids);
	free(n->label);
	free(n->detail);
	free(n->folded);
	free(n->in);
	free(n);
}

size_t browse_index(const struct node *n)
{
	if (!n->parent)
		return 0;
	for (size_t i = 0; i < n->parent->n_kids; i++)
		if (n->parent->kids[i] == n)
			return i;
	return 0;
}

/* Reading order: a node, then its children, then its next sibling. */
static struct node *next_node(struct node *n)
{
	browse_expand(n);
	if (n->n_kids)
		return n->kids[0];
	while (n->parent) {
		size_t i = browse_index(n);

		if (i + 1 < n->parent->n_kids)
			return n->parent->kids[i + 1];
		n = n->parent;
	}
	return n;	/* back to the root */
}

static struct node *last_leaf(struct node *n)
{
	for (browse_expand(n); n->n_kids; browse_expand(n))
		n = n->kids[n->n_kids - 1];
	return n;
}

static struct node *prev_node(struct node *n)
{
	size_t i;

	if (!n->parent)
		return last_leaf(n);
	i = browse_index(n);
	if (i == 0)
		return n->parent;
	return last_leaf(n->parent->kids[i - 1]);
}

/* The node's label and detail, folded (computed once, when first
 * searched). */
static const char *folded(struct node *n)
{
	if (!n->folded) {
		struct strbuf all;

		strbuf_init(&all);
		strbuf_addstr(&all, n->label);
		strbuf_addch(&all, '\n');
		strbuf_addstr(&all, n->detail);
		n->folded = text_fold(all.buf);
		strbuf_release(&all);
	}
	return n->folded;
}

struct node *browse_find(struct node *root, struct node *from,
			 const char *folded_query, bool forward)
{
	struct node *n = from ? from : root;

	if (!*folded_query)
		return NULL;
	for (;;) {
		n = forward ? next_node(n) : prev_node(n);
		if (n != root && strstr(folded(n), folded_query))
			return n;
		if (n == (from ? from : root))
			return NULL;
		if (!from && n == root)
			return NULL;
	}
}

size_t browse_count(struct node *root, const char *folded_query,
		    const struct node *at, size_t *rank)
{
	size_t count = 0;

	if (rank)
		*rank = 0;
	if (!*folded_query)
		return 0;
	for (struct node *n = next_node(root); n != root; n = next_node(n)) {
		if (!strstr(folded(n), folded_query))
			continue;
		count++;
		if (n == at && rank)
			*rank = count;
	}
	return count;
}

/* ------------------------------------------------------------------ */
/* What an amendment changed                                          */

static const struct indicator *find_indicator(const struct annex *a,
					      const char *code)
{
	for (size_t i = 0; i < a->n_indicators; i++)
		if (!strcmp(a->indicators[i].code, code))
			return &a->indicators[i];
	return NULL;
}

static bool differ(const char *x, const char *y)
{
	return strcmp(x ? x : "", y ? y : "") != 0;
}

static void diff_field(struct strbuf *out, bool *any, const char *code,
		       const char *what, const char *x, const char *y)
{
	if (!differ(x, y))
		return;
	*any = true;
	strbuf_addf(out, "• %s, %s : « %s » devient « %s »\n", code, what,
		    x && *x ? x : "—", y && *y ? y : "—");
}

void browse_diff(const struct annex *before, const struct annex *after,
		 struct strbuf *out)
{
	bool any = false;

	for (size_t i = 0; i < after->n_indicators; i++) {
		const struct indicator *n = &after->indicators[i];
		const struct indicator *o = find_indicator(before, n->code);

		if (!o) {
			strbuf_addf(out, "• nouvel indicateur %s : %s\n", n->code,
				    n->label);
			any = true;
			continue;
		}
		diff_field(out, &any, n->code, "intitulé", o->label, n->label);
		diff_field(out, &any, n->code, "périodicité",
			   periodicity_vocab[o->periodicity].label,
			   periodicity_vocab[n->periodicity].label);
		diff_field(out, &any, n->code, "source", o->source, n->source);
		diff_field(out, &any, n->code, "niveau constaté", o->baseline,
			   n->baseline);
		diff_field(out, &any, n->code, "conditions", o->conditions,
			   n->conditions);
		diff_field(out, &any, n->code, "type de valeur",
			   value_kind_vocab[o->value_kind].label,
			   value_kind_vocab[n->value_kind].label);
	}
	for (size_t i = 0; i < before->n_indicators; i++)
		if (!find_indicator(after, before->indicators[i].code)) {
			strbuf_addf(out, "• indicateur %s retiré : %s\n",
				    before->indicators[i].code,
				    before->indicators[i].label);
			any = true;
		}
	for (size_t i = 0; i < after->n_items; i++) {
		const struct annex_item *it = &after->items[i];
		bool found = false;

		for (size_t k = 0; k < before->n_items && !found; k++)
			found = !strcmp(before->items[k].text, it->text) &&
				before->items[k].removed == it->removed;
		if (!found) {
			strbuf_addf(out, "• priorité %s : %s\n",
				    it->removed ? "supprimée" : "nouvelle",
				    it->text);
			any = true;
		}
	}
	for (size_t i = 0; i < after->n_contacts; i++) {
		const struct contact *n = &after->contacts[i];

		for (size_t k = 0; k < before->n_contacts; k++) {
			const struct contact *o = &before->contacts[k];
			char what[96];

			if (o->kind != n->kind || differ(o->subdomain, n->subdomain))
				continue;
			snprintf(what, sizeof what, "contact %s %s",
				 request_kind_vocab[n->kind].label,
				 n->subdomain ? n->subdomain : "");
			diff_field(out, &any, what, "commune", o->commune,
				   n->commune);
			diff_field(out, &any, what, "service commun", o->shared,
				   n->shared);
		}
	}
	if (!any)
		strbuf_addstr(out, "Aucun changement des indicateurs, priorités "
				   "ni contacts.\n");
}

/* ------------------------------------------------------------------ */
/* What the tree is built from, loaded through the store               */

void browse_source_release(struct browse_source *src)
{
	for (size_t i = 0; i < src->n_domains; i++) {
		struct browse_domain *d = &src->domains[i];

		for (size_t v = 0; v < d->n_versions; v++) {
			annex_free(d->versions[v].annex);
			free(d->versions[v].info.domain_code);
			free(d->versions[v].info.domain_name);
			free(d->versions[v].info.in_force_from);
		}
		free(d->versions);
		free(d->code);
		free(d->name);
	}
	free(src->domains);
	store_contract_view_free(src->contract);
	memset(src, 0, sizeof *src);
}

size_t browse_in_force(const struct browse_domain *d, const char *date)
{
	size_t best = BROWSE_NONE;

	for (size_t v = 0; v < d->n_versions; v++)
		if (strcmp(d->versions[v].info.in_force_from, date) <= 0)
			best = v;
	return best;
}

int browse_load(struct store *st, const char *uid, const char *date,
		struct browse_source *src, struct err *e)
{
	struct annex_info *vs = NULL;
	size_t nv = 0;

	memset(src, 0, sizeof *src);
	if (store_contract_load(st, uid, &src->contract, e) != 0)
		return -1;
	if (store_annex_versions(st, uid, &vs, &nv, e) != 0) {
		browse_source_release(src);
		return -1;
	}
	/* group the versions by domain (they come by domain, then date) */
	for (size_t i = 0; i < nv; i++) {
		struct browse_domain *d = src->n_domains
			? &src->domains[src->n_domains - 1] : NULL;
		struct browse_version *bv;

		if (!d || strcmp(d->code, vs[i].domain_code)) {
			src->domains = xrealloc(src->domains,
						(src->n_domains + 1) *
						sizeof *src->domains);
			d = &src->domains[src->n_domains++];
			memset(d, 0, sizeof *d);
			d->code = xstrdup(vs[i].domain_code);
			d->name = xstrdup(vs[i].domain_name);
		}
		d->versions = xrealloc(d->versions, (d->n_versions + 1) *
				       sizeof *d->versions);
		bv = &d->versions[d->n_versions++];
		bv->info = vs[i];	/* takes its strings */
		bv->annex = NULL;
		if (store_annex_load(st, vs[i].uid, &bv->annex, e) != 0) {
			for (size_t k = i + 1; k < nv; k++) {
				free(vs[k].domain_code);
				free(vs[k].domain_name);
				free(vs[k].in_force_from);
			}
			free(vs);
			browse_source_release(src);
			return -1;
		}
	}
	free(vs);
	for (size_t i = 0; i < src->n_domains; i++) {
		struct browse_domain *d = &src->domains[i];

		/* the name of the version in force names the domain */
		d->in_force = browse_in_force(d, date);
		/* before its first version, the map still shows that one
		 * (and says it is not yet in force) */
		d->shown = d->in_force != BROWSE_NONE ? d->in_force : 0;
		free(d->name);
		d->name = xstrdup(d->versions[d->shown].info.domain_name);
	}
	return 0;
}

char *browse_store_target(void *ctx, int year, const struct indicator *d,
			  const char *criticality)
{
	struct store *st = ctx;
	struct target_value t;
	struct err e;
	bool found;
	char a[64], b[64];
	char *out = NULL;

	if (!d->uid || store_target_get(st, d->uid, year, criticality, &t,
					&found, &e) != 0 || !found)
		return NULL;
	if (t.text)
		out = xstrdup(t.text);
	else if (t.has_num && t.has_den) {
		number_format(t.num, 2, a, sizeof a);
		number_format(t.den, 2, b, sizeof b);
		out = xasprintf("%s / %s%s%s", a, b, d->unit ? " " : "",
				d->unit ? d->unit : "");
	} else if (t.has_num) {
		number_format(t.num, 2, a, sizeof a);
		out = xasprintf("%s%s%s", a, d->unit ? " " : "",
				d->unit ? d->unit : "");
	}
	store_target_release(&t);
	return out;
}
