/*
 * tests/bench/gen.c - a large, realistic, reproducible database for
 * benchmarks (build/out/bench-gen).
 *
 *   bench-gen [--seed N] [--communes N] [--years N] [--requests N]
 *             [--disputes N] [--meetings N] [--domains N]
 *             [--today AAAA-MM-JJ] DB
 *
 * Defaults: seed 1, 28 communes, 10 years, 50 000 requests, 5 000
 * disputes, 1 000 meetings, 10 domains, today 2026-11-23. That gives
 * 247 240 measurements (3 556 indicator rows), 296 892 history rows,
 * 19 506 targets and a 184 MB file in about 15 s on a 2-core machine.
 * A smoke size (--communes 2 --years 1 --requests 200 --disputes 20
 * --meetings 10 --domains 2) takes about 0.05 s.
 *
 * Run it from the project root (or set SUIVI_DATADIR), e.g.
 *   make build/out/bench-gen && build/out/bench-gen /tmp/large.db
 *   ./suivi --db /tmp/large.db summary
 *
 * DB must not exist. What is built, in this order, with what it took
 * printed to stderr:
 *  1. contracts: le-haillan.ini (from $SUIVI_DATADIR/contrats, else
 *     share/suivi/contrats under the current folder) rewritten as text for
 *     each commune (identifiant, commune, insee, debut, intitule, maire,
 *     in [contrat] or [choix]),
 *     with --domains domains: nsi, eco and clones of every nsi section as
 *     d3, d4…, then read with contract_file_read and imported with
 *     store_contract_import, as `suivi import` does;
 *  2. measurements through store_measurement_set (history rows included)
 *     for every indicator, criticality and period of the --years full years
 *     before today's year and the months of this year before this month;
 *     ~15 % corrected once, ~5 % commented; targets for ~half the
 *     indicators each year (store_target_set). Values of indicators
 *     computed from the request log (`calcul`) are stored as typed over
 *     (is_override), as `suivi set` does when the log gives a value;
 *  3. requests through store_request_add: an ordinary or urgent one
 *     always on a domain (a mutualised function, article 4), an urgent
 *     one mostly with its priority and intervention delay; only an
 *     exceptional one may have none;
 *  4. what has no storage API yet (exceptional requests, disputes and
 *     their arbitration steps, meetings with attendees, decisions and
 *     action items, observations) inserted with a connection of our own,
 *     prepared statements only, after the store is closed;
 *  5. integrity_check and foreign_key_check, and the totals.
 *
 * Reproducible: every value comes from a xorshift64* generator seeded
 * from --seed, one stream per part and per contract, so that the same
 * arguments give the same content (and changing --requests leaves the
 * measurements as they were). The store's own uids and timestamps
 * (store_uid_new, store_now) are not reproducible and need not be; the
 * rows written here directly take uids from the generator.
 *
 * Speed: each contract's writes are one outer transaction (store_begin …
 * store_commit; the store's transactions nest), so a value costs a few
 * statements and not an fsync.
 *
 * A test tool, not product code: it includes sqlite3.h (the layering
 * lint only looks at src/ and include/).
 */
#include <errno.h>
#include <math.h>
#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "suivi/store_tx.h"
#include "suivi/contract.h"
#include "suivi/contract_file.h"
#include "suivi/date.h"
#include "suivi/err.h"
#include "suivi/model.h"
#include "suivi/store.h"
#include "suivi/store_contract.h"
#include "suivi/store_measurement.h"
#include "suivi/store_request.h"
#include "suivi/strbuf.h"
#include "suivi/value.h"
#include "suivi/workdays.h"
#include "suivi/xalloc.h"

#define PROG "bench-gen"
#define AUTHOR "bench"
#define MAX_DOMAINS 40
#define MAX_COMMUNES 99		/* INSEE codes 33901 … 33999 */
#define TEMPLATE "le-haillan.ini"

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

/* ------------------------------------------------------------------ */
/* Vocabulary                                                          */

static const char *const commune_names[] = {
	"Mérignac", "Pessac", "Talence", "Villenave-d'Ornon", "Bègles",
	"Le Bouscat", "Eysines", "Bruges", "Blanquefort", "Le Haillan",
	"Saint-Médard-en-Jalles", "Lormont", "Cenon", "Floirac", "Bassens",
	"Carbon-Blanc", "Ambarès-et-Lagrave", "Saint-Aubin-de-Médoc",
	"Le Taillan-Médoc", "Parempuyre", "Ambès",
	"Saint-Louis-de-Montferrand", "Saint-Vincent-de-Paul",
	"Artigues-près-Bordeaux", "Bouliac", "Gradignan",
	"Martignas-sur-Jalle", "Bordeaux",
};

/* Names of the cloned domains d3, d4 … */
static const char *const domain_names[] = {
	"Finances", "Ressources humaines", "Commande publique",
	"Domaine public", "Espaces verts", "Propreté", "Voirie",
	"Affaires juridiques", "Bâtiments", "Urbanisme réglementaire",
	"Mobilier urbain", "Archives et documentation",
	"Gestion des risques", "Cadre de vie", "Fiscalité et dotations",
};

static const char *const text_values[] = {
	"Du lundi au vendredi de 8h30 à 17h30",
	"Du lundi au vendredi de 8h à 18h",
	"Du lundi au jeudi de 8h30 à 17h30, le vendredi jusqu'à 16h30",
	"Du lundi au vendredi de 8h à 12h et de 13h30 à 17h",
	"Du lundi au samedi matin, 8h-18h en semaine",
};

static const char *const comments[] = {
	"Valeur corrigée après vérification dans l'outil de suivi",
	"Chiffre provisoire, à confirmer à la prochaine réunion",
	"Période marquée par un incident majeur sur l'infrastructure",
	"Congés d'été : activité réduite",
	"Migration de l'outil de gestion des tickets pendant le mois",
	"Donnée transmise par le service commun, non vérifiée",
	"Écart expliqué en réunion de suivi",
	"Renfort temporaire de deux agents",
};

static const char *const demand_objects[] = {
	"Création d'un compte utilisateur pour un nouvel agent",
	"Installation d'un poste de travail à la médiathèque",
	"Demande d'accès au logiciel de gestion de l'état civil",
	"Mise à jour du site internet de la commune",
	"Commande de deux ordinateurs portables pour les élus",
	"Paramétrage d'une imprimante partagée à l'accueil",
	"Ouverture d'une boîte fonctionnelle pour le CCAS",
	"Étude pour la dématérialisation des inscriptions scolaires",
	"Demande de statistiques de fréquentation des téléservices",
	"Déménagement des postes du service urbanisme",
	"Renouvellement des téléphones mobiles des astreintes",
	"Accompagnement d'un porteur de projet pour un local commercial",
};

static const char *const incident_objects[] = {
	"Messagerie indisponible pour l'ensemble des agents",
	"Panne du réseau à l'école élémentaire",
	"Logiciel de paie inaccessible",
	"Imprimante de l'accueil hors service",
	"Lenteurs sur l'application de gestion financière",
	"Perte de connexion internet à la mairie annexe",
	"Poste de travail bloqué au démarrage",
	"Serveur de fichiers saturé",
	"Téléphonie coupée au centre technique municipal",
	"Erreur de synchronisation de l'agenda partagé",
};

static const char *const requesters[] = {
	"Direction générale des services", "Service état civil",
	"Accueil de la mairie", "Service urbanisme", "CCAS",
	"Service des sports", "Médiathèque", "Service scolaire",
	"Cabinet du Maire", "Centre technique municipal",
	"Service des ressources humaines", "Police municipale",
};

static const char *const cancel_reasons[] = {
	"Doublon d'une saisine déjà enregistrée",
	"Demande retirée par le service",
	"Résolue par la commune avant intervention",
};

static const char *const dispute_objects[] = {
	"Priorité du déploiement des postes dans les écoles",
	"Calendrier de la migration du logiciel financier",
	"Niveau de service de l'assistance le samedi",
	"Prise en charge du coût d'une licence supplémentaire",
	"Délai de remise en service jugé excessif",
	"Périmètre de la maintenance des applications métiers",
	"Affectation d'un agent mutualisé à un projet communal",
	"Programmation des travaux d'été",
	"Facturation d'une prestation complémentaire",
	"Refus d'une demande jugée hors contrat",
};

static const char *const solutions[] = {
	"Calendrier révisé d'un commun accord",
	"Prestation prise en charge par la Métropole à titre exceptionnel",
	"Renfort ponctuel du service commun",
	"Demande inscrite au schéma numérique de l'année suivante",
	"Les instructions du Maire sont appliquées",
	"Coût partagé à parts égales",
};

static const char *const step_participants[ARBITRATION_LEVELS] = {
	"DGS de la commune ; adjoint au directeur général des territoires",
	"Directeur général des services de la commune ; directeur général de "
	"Bordeaux Métropole",
	"Le Maire ; le Président de Bordeaux Métropole",
};

static const char *const positions[] = {
	"La commune demande une intervention avant la rentrée ; le service "
	"commun propose le mois suivant",
	"La commune estime la demande couverte par le contrat ; la Métropole "
	"la juge exceptionnelle",
	"Désaccord sur la priorité entre deux projets communaux",
	"Le service commun invoque la charge du trimestre",
};

static const char *const places[] = {
	"Mairie, salle du conseil", "Mairie, bureau du DGS",
	"Pôle territorial ouest", "Cité municipale, Bordeaux",
	"Visioconférence",
};

static const char *const meeting_notes[] = {
	"Point sur le tableau de bord et les saisines du trimestre",
	"Revue des engagements et des actions correctives",
	"Examen des demandes exceptionnelles de l'année",
	"Préparation de l'évaluation annuelle",
	"Bilan des incidents critiques et plan de continuité",
};

static const char *const people[] = {
	"Claire Dubos", "Jean-Marc Lafargue", "Sophie Castaing",
	"Pierre Larrieu", "Nathalie Bergeron", "Thomas Duprat",
	"Isabelle Garrigou", "Laurent Mesplède", "Hélène Cazaux",
	"Olivier Pujol", "Sandrine Labat", "Éric Dufau",
};

static const struct {
	const char *function;
	const char *side;	/* db code */
} functions[] = {
	{ "Directeur général des services", "commune" },
	{ "Adjoint au Maire délégué au numérique", "commune" },
	{ "Responsable du suivi du contrat", "commune" },
	{ "Adjoint au directeur général des territoires", "shared" },
	{ "Responsable thématique du service commun", "shared" },
	{ "Responsable du suivi du contrat", "shared" },
};

static const char *const decisions[] = {
	"Le tableau de bord du trimestre est validé",
	"La cible du délai de résolution est maintenue",
	"Un point mensuel est ajouté jusqu'à la fin de l'année",
	"Le renouvellement des postes des écoles est priorisé",
	"La demande exceptionnelle est acceptée avec compensation",
	"Le plan d'actions correctives est adopté",
};

static const char *const actions[] = {
	"Transmettre les chiffres du trimestre",
	"Proposer un calendrier de déploiement",
	"Chiffrer la prestation complémentaire",
	"Mettre à jour l'inventaire du parc applicatif",
	"Organiser une réunion avec les services utilisateurs",
	"Rédiger la note de cadrage du projet",
	"Vérifier les délais de résolution des incidents",
};

static const char *const observations[] = {
	"Année de mise en place : les délais se sont stabilisés au second "
	"semestre",
	"Engagements globalement tenus ; vigilance sur les délais de remise "
	"en service",
	"Forte hausse des demandes liée aux projets de dématérialisation",
	"Indicateurs à revoir lors du prochain avenant",
};

/* ------------------------------------------------------------------ */
/* Generator                                                           */

struct rng {
	uint64_t s;
};

static uint64_t splitmix64(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* One independent stream per (seed, part, contract). */
static void rng_init(struct rng *r, uint64_t seed, unsigned part,
		     unsigned index)
{
	uint64_t x = seed ^ ((uint64_t)part << 48) ^ ((uint64_t)index << 24);

	r->s = splitmix64(&x);
	if (!r->s)
		r->s = 0x2545f4914f6cdd1dULL;
}

static uint64_t rng_next(struct rng *r)	/* xorshift64* */
{
	r->s ^= r->s >> 12;
	r->s ^= r->s << 25;
	r->s ^= r->s >> 27;
	return r->s * 0x2545f4914f6cdd1dULL;
}

/* [0, 1) with 53 bits. */
static double rng_unit(struct rng *r)
{
	return (double)(rng_next(r) >> 11) * (1.0 / 9007199254740992.0);
}

/* [0, n) */
static long rng_below(struct rng *r, long n)
{
	return n <= 1 ? 0 : (long)(rng_next(r) % (uint64_t)n);
}

/* [lo, hi] */
static long rng_range(struct rng *r, long lo, long hi)
{
	return lo + rng_below(r, hi - lo + 1);
}

static bool rng_chance(struct rng *r, double p)
{
	return rng_unit(r) < p;
}

#define PICK(r, a) ((a)[rng_below((r), (long)N_OF(a))])

static void rng_uid(struct rng *r, char out[STORE_UID_LEN])
{
	static const char hex[] = "0123456789abcdef";
	uint64_t a = rng_next(r), b = rng_next(r);

	for (int i = 0; i < 16; i++) {
		out[i] = hex[(a >> (4 * i)) & 15];
		out[16 + i] = hex[(b >> (4 * i)) & 15];
	}
	out[32] = '\0';
}

/* Index drawn from weights (summing to anything positive). */
static int rng_weighted(struct rng *r, const double *w, int n)
{
	double sum = 0, x;

	for (int i = 0; i < n; i++)
		sum += w[i];
	x = rng_unit(r) * sum;
	for (int i = 0; i < n; i++) {
		if (x < w[i])
			return i;
		x -= w[i];
	}
	return n - 1;
}

/* ------------------------------------------------------------------ */
/* Days                                                                */

/* Days since 1970-01-01 (proleptic Gregorian; H. Hinnant's algorithm). */
static long day_number(struct date d)
{
	long y = d.year - (d.month <= 2);
	long era = y / 400;
	long yoe = y - era * 400;
	long doy = (153L * (d.month + (d.month > 2 ? -3 : 9)) + 2) / 5 +
		   d.day - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

static struct date day_date(long z)
{
	struct date d;
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = z / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d.day = (int)(doy - (153 * mp + 2) / 5 + 1);
	d.month = (int)(mp < 10 ? mp + 3 : mp - 9);
	d.year = (int)(yoe + era * 400 + (d.month <= 2));
	return d;
}

static void day_iso(long z, char buf[DATE_ISO_LEN])
{
	date_format_iso(day_date(z), buf);
}

/* 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
static int day_weekday(long z)
{
	return (int)(((z % 7) + 7 + 3) % 7);
}

/* A working-hours day in [from, to): weekends mostly moved to a weekday. */
static long rng_workday(struct rng *r, long from, long to)
{
	long z = from + rng_below(r, to - from);
	int wd = day_weekday(z);

	if (wd >= 5 && rng_chance(r, 0.9)) {
		z -= wd - 4;		/* back to Friday */
		if (z < from)
			z += 3;		/* forward to Monday */
		if (z >= to)
			z = to - 1;
	}
	return z;
}

/* A date-time as minutes since 1970-01-01 00:00, in the stored form. */
static void minute_iso(long t, char buf[DATETIME_ISO_LEN])
{
	struct datetime dt;

	dt.d = day_date(t / 1440);
	dt.hour = (int)(t % 1440 / 60);
	dt.minute = (int)(t % 60);
	datetime_format_iso(dt, buf);
}

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ------------------------------------------------------------------ */
/* The run                                                             */

struct options {
	unsigned long long seed;
	long communes, years, requests, disputes, meetings, domains;
	struct date today;
	const char *db;
};

/* A request as later parts need it. */
struct gen_request {
	char uid[STORE_UID_LEN];
	long day;		/* received */
	int domain;		/* index in gen_contract.domain_uid, or -1 */
	enum request_kind kind;
};

struct gen_contract {
	char uid[STORE_UID_LEN];
	char identifier[32];
	char insee[8];
	char *commune;
	long start;		/* day number of debut */
	char (*domain_uid)[STORE_UID_LEN];	/* nsi, eco, d3 … */
	struct gen_request *req;
	size_t n_req;
};

struct run {
	struct options o;
	long today;		/* day number */
	char today_stamp[32];	/* created_at of the rows written here */
	struct gen_contract *c;
	size_t n_c;
	char **codes;		/* domain codes */
	char **names;		/* domain names (clones only; NULL for 0, 1) */
	long indicator_rows;	/* indicator x criticality, over contracts */
	long n_sets, n_corrections, n_comments, n_targets;
};

static const char *domain_name_of(long k)	/* k >= 2 */
{
	static char buf[64];

	if ((size_t)(k - 2) < N_OF(domain_names))
		return domain_names[k - 2];
	snprintf(buf, sizeof buf, "Domaine mutualisé %ld", k + 1);
	return buf;
}

/* ------------------------------------------------------------------ */
/* 1. Contracts                                                        */

static char *read_file(const char *path, struct err *e)
{
	FILE *f = fopen(path, "rb");
	struct strbuf sb;
	char buf[8192];
	size_t n;

	if (!f) {
		err_set(e, ERR_IO, "%s : %s", path, err_errno_fr(errno));
		return NULL;
	}
	strbuf_init(&sb);
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		strbuf_add(&sb, buf, n);
	if (ferror(f)) {
		err_set(e, ERR_IO, "%s : lecture impossible", path);
		fclose(f);
		strbuf_release(&sb);
		return NULL;
	}
	fclose(f);
	return strbuf_detach(&sb);
}

static char *template_path(void)
{
	const char *dir = getenv("SUIVI_DATADIR");

	if (dir && *dir)
		return xasprintf("%s/contrats/%s", dir, TEMPLATE);
	return xasprintf("share/suivi/contrats/%s", TEMPLATE);
}

/* "key = …" (blanks around the key allowed). */
static bool line_has_key(const char *line, size_t len, const char *key)
{
	size_t k = strlen(key), i = 0;

	while (i < len && (line[i] == ' ' || line[i] == '\t'))
		i++;
	if (len - i < k || strncmp(line + i, key, k) != 0)
		return false;
	i += k;
	while (i < len && (line[i] == ' ' || line[i] == '\t'))
		i++;
	return i < len && line[i] == '=';
}

static bool is_header(const char *line, size_t len)
{
	size_t i = 0;

	while (i < len && (line[i] == ' ' || line[i] == '\t'))
		i++;
	return i < len && line[i] == '[';
}

/* Offset of the domain code "nsi" in "[type nsi]" or "[type nsi/…]",
 * or 0 when the section is not nsi's. */
static size_t nsi_offset(const char *line, size_t len)
{
	const char *sp = memchr(line, ' ', len);
	size_t off;

	if (!sp)
		return 0;
	off = (size_t)(sp - line) + 1;
	if (len - off < 4 || strncmp(line + off, "nsi", 3) != 0 ||
	    (line[off + 3] != ']' && line[off + 3] != '/'))
		return 0;
	return off;
}

/* "du Haillan", "d’Eysines", "de Mérignac". */
static void of_commune(const char *name, char *buf, size_t n)
{
	if (!strncmp(name, "Le ", 3))
		snprintf(buf, n, "du %s", name + 3);
	else if (strchr("AEIOUY", name[0]))
		snprintf(buf, n, "d’%s", name);
	else
		snprintf(buf, n, "de %s", name);
}

/* The template rewritten for contract c with r->o.domains domains. */
static char *contract_text(const struct run *r, const char *tpl,
			   const struct gen_contract *c)
{
	struct strbuf out, nsi;
	const char *p = tpl;
	bool in_contract = false, in_nsi = false;
	char of[128];
	struct date start = day_date(c->start);

	of_commune(c->commune, of, sizeof of);
	strbuf_init(&out);
	strbuf_init(&nsi);
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);

		if (is_header(p, len)) {
			/* the header's facts, and those the follow-up
			 * chose ([choix]: insee, debut) */
			in_contract = (len >= 9 && !strncmp(p, "[contrat]", 9)) ||
				      (len >= 7 && !strncmp(p, "[choix]", 7));
			in_nsi = nsi_offset(p, len) != 0;
		}
		if (in_contract && line_has_key(p, len, "identifiant"))
			strbuf_addf(&out, "identifiant = %s", c->identifier);
		else if (in_contract && line_has_key(p, len, "commune"))
			strbuf_addf(&out, "commune = %s", c->commune);
		else if (in_contract && line_has_key(p, len, "insee"))
			strbuf_addf(&out, "insee = %s", c->insee);
		else if (in_contract && line_has_key(p, len, "debut"))
			strbuf_addf(&out, "debut = %04d-01-01", start.year);
		else if (in_contract && line_has_key(p, len, "intitule"))
			strbuf_addf(&out, "intitule = Contrat d’engagement entre "
				    "Bordeaux Métropole et la commune %s", of);
		else if (in_contract && line_has_key(p, len, "maire"))
			strbuf_addf(&out, "maire = Le Maire %s", of);
		else
			strbuf_add(&out, p, len);
		strbuf_addch(&out, '\n');
		if (in_nsi) {
			strbuf_add(&nsi, p, len);
			strbuf_addch(&nsi, '\n');
		}
		p += len + (nl != NULL);
	}
	/* the clones: every nsi section again, as d3, d4 … */
	for (long k = 2; k < r->o.domains; k++) {
		const char *code = r->codes[k], *name = r->names[k];
		bool in_domain = false;

		strbuf_addf(&out, "\n; Domaine %s : copie de nsi pour les "
			    "mesures de performance.\n", name);
		for (p = nsi.buf; *p;) {
			const char *nl = strchr(p, '\n');
			size_t len = nl ? (size_t)(nl - p) : strlen(p);
			size_t off;

			if (is_header(p, len)) {
				off = nsi_offset(p, len);
				in_domain = !strncmp(p, "[domaine ", 9);
				strbuf_add(&out, p, off);
				strbuf_addstr(&out, code);
				strbuf_add(&out, p + off + 3, len - off - 3);
			} else if (in_domain && line_has_key(p, len, "nom")) {
				strbuf_addf(&out, "nom = %s", name);
			} else if (in_domain && line_has_key(p, len, "annexe")) {
				strbuf_addf(&out, "annexe = Annexe pour le domaine "
					    "%s – contrat d’engagement", name);
			} else {
				strbuf_add(&out, p, len);
			}
			strbuf_addch(&out, '\n');
			p += len + 1;
		}
	}
	strbuf_release(&nsi);
	return strbuf_detach(&out);
}

static int write_text(const char *path, const char *text, struct err *e)
{
	FILE *f = fopen(path, "wx");
	size_t n = strlen(text);

	if (!f) {
		err_set(e, ERR_IO, "%s : %s", path, err_errno_fr(errno));
		return -1;
	}
	if (fwrite(text, 1, n, f) != n) {
		fclose(f);
		err_set(e, ERR_IO, "%s : écriture impossible", path);
		return -1;
	}
	if (fclose(f) != 0) {
		err_set(e, ERR_IO, "%s : %s", path, err_errno_fr(errno));
		return -1;
	}
	return 0;
}

static int import_one(struct run *r, struct store *st, const char *tpl,
		      const char *dir, struct gen_contract *c, size_t *bytes,
		      struct err *e)
{
	char *text = contract_text(r, tpl, c);
	char *path = xasprintf("%s/%s.ini", dir, c->insee);
	struct contract_doc *doc = NULL;
	struct diag_list diags;
	enum import_outcome outcome;
	int ret = -1;

	diag_list_init(&diags);
	*bytes += strlen(text);
	if (write_text(path, text, e) != 0)
		goto out;
	if (contract_file_read(path, &doc, &diags) != 0) {
		diag_list_print(&diags, stderr);
		err_set(e, ERR_INPUT, "le contrat généré pour %s est refusé",
			c->commune);
		goto out;
	}
	if (store_begin(st, e) != 0)
		goto out;
	if (store_contract_import(st, doc, &outcome, e) != 0 ||
	    store_contract_find(st, c->identifier, c->uid, e) != 0) {
		store_rollback(st);
		goto out;
	}
	if (store_commit(st, e) != 0)
		goto out;
	c->domain_uid = xcalloc((size_t)r->o.domains, sizeof *c->domain_uid);
	for (long k = 0; k < r->o.domains; k++)
		if (store_domain_uid(st, c->uid, r->codes[k], c->domain_uid[k],
				     e) != 0)
			goto out;
	ret = 0;
out:
	if (unlink(path) != 0 && errno != ENOENT && ret == 0) {
		err_set(e, ERR_IO, "%s : %s", path, err_errno_fr(errno));
		ret = -1;
	}
	contract_doc_free(doc);
	diag_list_release(&diags);
	free(path);
	free(text);
	return ret;
}

static int make_contracts(struct run *r, struct store *st, struct err *e)
{
	char *tpath = template_path();
	char *tpl = read_file(tpath, e);
	char dir[] = "/tmp/bench-gen.XXXXXX";
	const char *tmp = getenv("TMPDIR");
	char *dirpath = NULL;
	size_t bytes = 0;
	int ret = -1;

	if (!tpl) {
		free(tpath);
		return -1;
	}
	if (tmp && *tmp)
		dirpath = xasprintf("%s/bench-gen.XXXXXX", tmp);
	else
		dirpath = xstrdup(dir);
	if (!mkdtemp(dirpath)) {
		err_set(e, ERR_IO, "%s : %s", dirpath, err_errno_fr(errno));
		goto out;
	}
	r->c = xcalloc((size_t)r->o.communes, sizeof *r->c);
	r->n_c = (size_t)r->o.communes;
	for (size_t i = 0; i < r->n_c; i++) {
		struct gen_contract *c = &r->c[i];
		size_t base = i % N_OF(commune_names);
		struct date start = { r->o.today.year - (int)r->o.years, 1, 1 };

		if (i < N_OF(commune_names))
			c->commune = xstrdup(commune_names[base]);
		else
			c->commune = xasprintf("%s %zu", commune_names[base],
					       i / N_OF(commune_names) + 1);
		snprintf(c->insee, sizeof c->insee, "%zu", 33901 + i);
		snprintf(c->identifier, sizeof c->identifier, "%s-%d",
			 c->insee, start.year);
		c->start = day_number(start);
		if (import_one(r, st, tpl, dirpath, c, &bytes, e) != 0)
			goto out;
	}
	fprintf(stderr, "  modèle %s, %zu fichiers (%.1f Mo de texte)\n",
		tpath, r->n_c, (double)bytes / 1e6);
	ret = 0;
out:
	if (rmdir(dirpath) != 0 && errno != ENOENT && ret == 0) {
		err_set(e, ERR_IO, "%s : %s", dirpath, err_errno_fr(errno));
		ret = -1;
	}
	free(dirpath);
	free(tpl);
	free(tpath);
	return ret;
}

/* ------------------------------------------------------------------ */
/* 2. Measurements                                                     */

/* Hours by criticality: critique fast, mineure slow. */
static void hours_bounds(const char *crit, double *lo, double *hi)
{
	if (!strcmp(crit, "critique"))
		*lo = 1, *hi = 8;
	else if (!strcmp(crit, "majeure"))
		*lo = 2, *hi = 24;
	else if (!strcmp(crit, "mineure"))
		*lo = 4, *hi = 48;
	else
		*lo = 1, *hi = 48;
}

/* A plausible value of ind for criticality crit; progress (0..1) is how
 * far into the contract the period is: levels and percentages improve. */
static void gen_value(struct rng *g, const struct indicator *ind,
		      const char *crit, double progress, struct value *v,
		      char *text, size_t n)
{
	double lo, hi, x;

	memset(v, 0, sizeof *v);
	v->has_num = true;
	switch (ind->value_kind) {
	case VALUE_YES_NO:
		v->num = rng_chance(g, 0.9) ? 1 : 0;
		break;
	case VALUE_COUNT:
		v->num = (double)rng_range(g, 0, 40);
		break;
	case VALUE_PERCENT:
		x = 60 + 30 * progress + 10 * rng_unit(g) - 8 * rng_unit(g);
		v->num = fmin(100, fmax(60, round(x * 10) / 10));
		break;
	case VALUE_RATIO:
		v->den = (double)rng_range(g, 5, 60);
		v->num = rng_chance(g, 0.7)
				 ? v->den
				 : v->den - (double)rng_range(g, 1, 5);
		v->num = fmax(0, v->num);
		v->has_den = true;
		break;
	case VALUE_WORKLOAD:
		v->den = (double)rng_range(g, 15, 25) * 10;	/* planned */
		v->num = round(v->den * (0.75 + 0.4 * rng_unit(g)));
		v->has_den = true;
		break;
	case VALUE_HOURS:
		hours_bounds(crit, &lo, &hi);
		x = rng_unit(g);
		v->num = round((lo + (hi - lo) * x * x) * 10) / 10;
		if (rng_chance(g, 0.03))	/* a bad month */
			v->num = round(fmin(48, v->num * 2.5) * 10) / 10;
		break;
	case VALUE_DAYS:
		v->num = (double)rng_range(g, 1, 10) * 0.5;
		break;
	case VALUE_LEVEL: {
		int span = ind->scale_max - ind->scale_min;
		double l = ind->scale_min + span * (0.2 + 0.6 * progress) +
			   rng_unit(g) * 1.5 - 0.75;

		v->num = fmin(ind->scale_max, fmax(ind->scale_min, round(l)));
		break;
	}
	case VALUE_TEXT:
	case VALUE_KIND_COUNT:
		v->has_num = false;
		snprintf(text, n, "%s", PICK(g, text_values));
		v->text = text;
		break;
	}
}

/* The target agreed for a year. */
static void gen_target(struct rng *g, const struct indicator *ind,
		       const char *crit, struct value *v, char *text,
		       size_t n)
{
	static const double percents[] = { 80, 85, 90, 95 };
	double lo, hi;

	memset(v, 0, sizeof *v);
	v->has_num = true;
	switch (ind->value_kind) {
	case VALUE_YES_NO:
		v->num = 1;
		break;
	case VALUE_COUNT:
		v->num = (double)rng_range(g, 10, 40);
		break;
	case VALUE_PERCENT:
		v->num = PICK(g, percents);
		break;
	case VALUE_RATIO:
		v->num = (double)rng_range(g, 18, 20);
		v->den = 20;
		v->has_den = true;
		break;
	case VALUE_WORKLOAD:
		v->den = v->num = (double)rng_range(g, 15, 25) * 10;
		v->has_den = true;
		break;
	case VALUE_HOURS:
		hours_bounds(crit, &lo, &hi);
		v->num = round(lo + (hi - lo) * (0.3 + 0.2 * rng_unit(g)));
		break;
	case VALUE_DAYS:
		v->num = (double)rng_range(g, 1, 3);
		break;
	case VALUE_LEVEL:
		v->num = ind->scale_max - rng_below(g, 2);
		break;
	case VALUE_TEXT:
	case VALUE_KIND_COUNT:
		v->has_num = false;
		snprintf(text, n, "%s", text_values[0]);
		v->text = text;
		break;
	}
}

/* "critique, majeure, mineure" -> up to 8 trimmed names; none -> "". */
static size_t split_crits(const char *list, char out[8][32])
{
	size_t n = 0;
	const char *p = list;

	if (!list || !*list) {
		out[0][0] = '\0';
		return 1;
	}
	while (*p && n < 8) {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);

		while (len && *p == ' ')
			p++, len--;
		while (len && p[len - 1] == ' ')
			len--;
		snprintf(out[n++], 32, "%.*s", (int)len, p);
		p += len;
		while (*p == ' ')
			p++;
		if (*p == ',')
			p++;
	}
	return n;
}

/* The periods of year y to fill for an indicator of periodicity per:
 * every one of a past year, those ended before today's month this year. */
static size_t periods_of(enum periodicity per, int y, struct date today,
			 struct period out[12])
{
	size_t n = 0;
	int last_month = y < today.year ? 12 : today.month - 1;

	switch (per) {
	case PERIOD_MONTHLY:
	case PERIOD_MONTHLY_OR_QUARTERLY:
	case PERIODICITY_COUNT:
		for (int m = 1; m <= last_month; m++)
			out[n++] = (struct period){ y, m, 0 };
		break;
	case PERIOD_QUARTERLY:
		for (int q = 1; q * 3 <= last_month; q++)
			out[n++] = (struct period){ y, 0, q };
		break;
	case PERIOD_ANNUAL:
		if (y < today.year)
			out[n++] = (struct period){ y, 0, 0 };
		break;
	}
	return n;
}

static int fill_indicator(struct run *r, struct store *st, struct rng *g,
			  const struct indicator *ind, struct err *e)
{
	char crits[8][32], key[PERIOD_KEY_LEN], text[256];
	size_t n_crit = split_crits(ind->criticalities, crits);
	int y0 = r->o.today.year - (int)r->o.years;
	bool over = ind->computed_from >= 0;

	r->indicator_rows += (long)n_crit;
	for (int y = y0; y <= r->o.today.year; y++) {
		struct period ps[12];
		size_t np = periods_of(ind->periodicity, y, r->o.today, ps);

		for (size_t i = 0; i < np; i++) {
			double progress = (double)(y - y0) / (double)(r->o.years);

			period_key(ps[i], key);
			for (size_t c = 0; c < n_crit; c++) {
				struct value v;

				gen_value(g, ind, crits[c], progress, &v, text,
					  sizeof text);
				if (store_measurement_set(st, ind->uid, key,
							  crits[c], &v, over,
							  NULL, e) != 0)
					return -1;
				r->n_sets++;
				if (rng_chance(g, 0.15)) {
					gen_value(g, ind, crits[c], progress,
						  &v, text, sizeof text);
					if (store_measurement_set(
						    st, ind->uid, key, crits[c],
						    &v, over, NULL, e) != 0)
						return -1;
					r->n_corrections++;
				}
				if (rng_chance(g, 0.05)) {
					if (store_measurement_comment(
						    st, ind->uid, key, crits[c],
						    PICK(g, comments), e) != 0)
						return -1;
					r->n_comments++;
				}
			}
		}
		for (size_t c = 0; c < n_crit; c++) {
			struct value t;

			if (!rng_chance(g, 0.5))
				continue;
			gen_target(g, ind, crits[c], &t, text, sizeof text);
			if (store_target_set(st, ind->uid, y, crits[c], &t, -1,
					     e) != 0)
				return -1;
			r->n_targets++;
		}
	}
	return 0;
}

static int fill_contract(struct run *r, struct store *st, size_t ci,
			 struct err *e)
{
	struct annex_info *ai = NULL;
	size_t na = 0;
	struct rng g;
	int ret = -1;

	rng_init(&g, r->o.seed, 2, (unsigned)ci);
	if (store_annex_versions(st, r->c[ci].uid, &ai, &na, e) != 0)
		return -1;
	if (store_begin(st, e) != 0)
		goto out;
	for (size_t a = 0; a < na; a++) {
		struct annex *an = NULL;

		if (store_annex_load(st, ai[a].uid, &an, e) != 0)
			goto rollback;
		for (size_t i = 0; i < an->n_indicators; i++)
			if (fill_indicator(r, st, &g, &an->indicators[i], e) !=
			    0) {
				annex_free(an);
				goto rollback;
			}
		annex_free(an);
	}
	if (store_commit(st, e) != 0)
		goto out;
	ret = 0;
	goto out;
rollback:
	store_rollback(st);
out:
	store_annex_list_free(ai, na);
	return ret;
}

static int make_measurements(struct run *r, struct store *st, struct err *e)
{
	for (size_t i = 0; i < r->n_c; i++)
		if (fill_contract(r, st, i, e) != 0)
			return -1;
	fprintf(stderr, "  %ld lignes indicateur × criticité, %ld valeurs, "
		"%ld corrections, %ld commentaires, %ld cibles\n",
		r->indicator_rows, r->n_sets, r->n_corrections, r->n_comments,
		r->n_targets);
	return 0;
}

/* ------------------------------------------------------------------ */
/* 3. Requests                                                         */

static int pick_domain(struct rng *g, long n_domains)
{
	double x = rng_unit(g);

	if (x < 0.03)
		return -1;		/* not said */
	if (x < 0.60 || n_domains <= 2)
		return x < 0.90 ? 0 : 1;
	if (x < 0.70)
		return 1;
	return 2 + (int)rng_below(g, n_domains - 2);
}

/* A follow-up time, or none when it has not happened yet. */
static const char *follow(long t, long limit, char buf[DATETIME_ISO_LEN])
{
	if (t >= limit)
		return NULL;
	minute_iso(t, buf);
	return buf;
}

static int add_request(struct run *r, struct store *st, struct rng *g,
		       struct gen_contract *c, struct gen_request *out,
		       struct err *e)
{
	static const double kind_w[] = { 85, 13, 2 };
	static const char *const forms[] = { "email", "phone", "shared_tool",
					     "letter", "note", "oral" };
	static const double form_w[] = { 40, 25, 15, 5, 8, 7 };
	static const char *const crits[] = { "critique", "majeure", "mineure" };
	static const double crit_w[] = { 10, 30, 60 };
	char recv[DATETIME_ISO_LEN], ack[DATETIME_ISO_LEN],
		interv[DATETIME_ISO_LEN], resolved[DATETIME_ISO_LEN],
		answered[DATETIME_ISO_LEN], cancelled[DATETIME_ISO_LEN];
	struct request_input in;
	long limit = r->today * 1440, t0, t;
	bool incident = rng_chance(g, 0.45);
	int crit = incident ? rng_weighted(g, crit_w, 3) : -1;

	memset(&in, 0, sizeof in);
	out->kind = (enum request_kind)rng_weighted(g, kind_w, 3);
	out->domain = pick_domain(g, r->o.domains);
	/* an ordinary or urgent request concerns a mutualised function:
	 * "not said" is only for an exceptional one (no draw: the stream
	 * stays as it was) */
	if (out->domain < 0 && out->kind != REQUEST_EXCEPTIONAL)
		out->domain = 0;
	out->day = rng_workday(g, c->start, r->today);
	in.kind = out->kind;
	in.form = forms[rng_weighted(g, form_w, 6)];
	in.domain_uid = out->domain >= 0 ? c->domain_uid[out->domain] : NULL;
	in.nature = incident ? "incident" : "demand";
	/* a criticality is one of the domain's annex levels: eco (domain
	 * 1) has none (no draw: the stream stays as it was) */
	in.criticality = incident && out->domain >= 0 && out->domain != 1
		? crits[crit] : NULL;
	in.requester = rng_chance(g, 0.8) ? PICK(g, requesters) : NULL;
	in.object = incident ? PICK(g, incident_objects)
			     : PICK(g, demand_objects);
	/* article 4: the priority and delay an emergency imposes, by its
	 * criticality (none drawn: the stream stays as it was) */
	if (out->kind == REQUEST_URGENT) {
		static const char *const prio[] = { "P1 : immédiate",
						     "P2 : dans la journée",
						     "P3 : sous 48 h" };
		static const char *const delay[] = { "2", "8", "48" };
		int k = incident ? crit : 1;

		in.urgent_priority = prio[k];
		in.urgent_delay = delay[k];
	}
	t0 = out->day * 1440 + rng_range(g, 8 * 60, 18 * 60 - 1);
	minute_iso(t0, recv);
	in.received_at = recv;
	/* taken into account: minutes for an emergency, up to 3 days else */
	if (rng_chance(g, 0.95)) {
		double u = rng_unit(g);

		t = t0 + (out->kind == REQUEST_URGENT
				  ? 5 + (long)(115 * u)
				  : 15 + (long)(u * u * 72 * 60));
		in.acknowledged_at = follow(t, limit, ack);
	}
	if (rng_chance(g, 0.015)) {
		t = t0 + rng_range(g, 60, 72 * 60);
		in.cancelled_at = follow(t, limit, cancelled);
		in.cancel_reason = in.cancelled_at ? PICK(g, cancel_reasons)
						   : NULL;
	}
	if (!in.cancelled_at) {
		static const long max_h[] = { 8, 24, 96 };
		double u = rng_unit(g);

		if (incident) {
			long h = max_h[crit];

			if (rng_chance(g, 0.8)) {
				t = t0 + 10 + (long)(u * (double)h * 30);
				in.intervention_at = follow(t, limit, interv);
			}
			if (rng_chance(g, 0.93)) {
				t = t0 + 30 + (long)(u * (double)h * 60);
				in.resolved_at = follow(t, limit, resolved);
				if (in.resolved_at && rng_chance(g, 0.5))
					in.answered_at = follow(
						t + rng_range(g, 5, 240), limit,
						answered);
			}
		} else if (rng_chance(g, 0.88)) {
			t = t0 + rng_range(g, 2 * 60, 15 * 1440);
			in.answered_at = follow(t, limit, answered);
			if (in.answered_at && rng_chance(g, 0.3))
				in.intervention_at =
					follow(t0 + (t - t0) / 2, limit, interv);
		}
	}
	return store_request_add(st, c->uid, &in, out->uid, e);
}

static int make_requests(struct run *r, struct store *st, struct err *e)
{
	long per = r->o.requests / (long)r->n_c,
	     extra = r->o.requests % (long)r->n_c;

	for (size_t i = 0; i < r->n_c; i++) {
		struct gen_contract *c = &r->c[i];
		struct rng g;

		rng_init(&g, r->o.seed, 3, (unsigned)i);
		c->n_req = (size_t)(per + ((long)i < extra));
		c->req = xcalloc(c->n_req + 1, sizeof *c->req);
		if (store_begin(st, e) != 0)
			return -1;
		for (size_t k = 0; k < c->n_req; k++)
			if (add_request(r, st, &g, c, &c->req[k], e) != 0) {
				store_rollback(st);
				return -1;
			}
		if (store_commit(st, e) != 0)
			return -1;
	}
	fprintf(stderr, "  %ld saisines\n", r->o.requests);
	return 0;
}

/* ------------------------------------------------------------------ */
/* 4. Rows without a storage API: our own connection                   */

enum {
	S_EXCEPTIONAL, S_DISPUTE, S_DISPUTE_REQUEST, S_STEP, S_MEETING,
	S_ATTENDEE, S_DECISION, S_ACTION, S_OBSERVATION, S_COUNT
};

static const char *const insert_sql[S_COUNT] = {
	[S_EXCEPTIONAL] = "INSERT INTO exceptional_request (uid, request_uid,"
		" asked, proposal, decision, decided_by, decided_on,"
		" estimated_cost, compensation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[S_DISPUTE] = "INSERT INTO dispute (uid, contract_uid, domain_uid,"
		" opened_on, object, nature, solution, closed_on, like_uid,"
		" author, created_at, mayor_instruction, mayor_instruction_by,"
		" mayor_instruction_on)"
		" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[S_DISPUTE_REQUEST] = "INSERT INTO dispute_request (dispute_uid,"
		" request_uid) VALUES (?, ?)",
	[S_STEP] = "INSERT INTO arbitration_step (uid, dispute_uid, level,"
		" held_on, participants, positions, outcome, notes, author,"
		" created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[S_MEETING] = "INSERT INTO meeting (uid, contract_uid, kind, held_on,"
		" status, place, notes, author, created_at)"
		" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[S_ATTENDEE] = "INSERT INTO meeting_attendee (uid, meeting_uid, name,"
		" function, side) VALUES (?, ?, ?, ?, ?)",
	[S_DECISION] = "INSERT INTO decision (uid, meeting_uid, position,"
		" text) VALUES (?, ?, ?, ?)",
	[S_ACTION] = "INSERT INTO action_item (uid, meeting_uid, what, owner,"
		" due_on, status, done_on, updated_at)"
		" VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
	[S_OBSERVATION] = "INSERT INTO observation (uid, domain_uid, year,"
		" text, author, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
};

struct db {
	sqlite3 *h;
	sqlite3_stmt *s[S_COUNT];
	struct err *e;
	long rows[S_COUNT];
};

static int db_fail(struct db *d, const char *doing)
{
	err_set(d->e, ERR_DB, "%s : %s", doing, sqlite3_errmsg(d->h));
	return -1;
}

/* A parameter: text (NULL binds NULL), integer or real. */
struct arg {
	enum { A_TEXT, A_INT, A_REAL, A_NULL } t;
	const char *s;
	long long i;
	double f;
};

static struct arg txt(const char *s)
{
	return (struct arg){ s ? A_TEXT : A_NULL, s, 0, 0 };
}

static struct arg num_i(long long i)
{
	return (struct arg){ A_INT, NULL, i, 0 };
}

static struct arg num_f(double f)
{
	return (struct arg){ A_REAL, NULL, 0, f };
}

static int db_insert(struct db *d, int which, const struct arg *a, int n)
{
	sqlite3_stmt *s = d->s[which];
	int rc = SQLITE_OK;

	for (int i = 0; i < n && rc == SQLITE_OK; i++) {
		switch (a[i].t) {
		case A_TEXT:
			rc = sqlite3_bind_text(s, i + 1, a[i].s, -1,
					       SQLITE_TRANSIENT);
			break;
		case A_INT:
			rc = sqlite3_bind_int64(s, i + 1, a[i].i);
			break;
		case A_REAL:
			rc = sqlite3_bind_double(s, i + 1, a[i].f);
			break;
		case A_NULL:
			rc = sqlite3_bind_null(s, i + 1);
			break;
		}
	}
	if (rc == SQLITE_OK)
		rc = sqlite3_step(s);
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	if (rc != SQLITE_DONE)
		return db_fail(d, insert_sql[which]);
	d->rows[which]++;
	return 0;
}

#define INSERT(d, which, ...)                                              \
	db_insert((d), (which), (const struct arg[]){ __VA_ARGS__ },        \
		  (int)(sizeof((const struct arg[]){ __VA_ARGS__ }) /        \
			sizeof(struct arg)))

static int make_exceptional(struct run *r, struct db *d,
			    const struct gen_contract *c, struct rng *g)
{
	static const char *const asked[] = {
		"Équipement numérique d'une salle pour un événement municipal",
		"Extraction de données pour une étude commandée par le Maire",
		"Renfort d'un technicien pour les élections",
		"Développement d'un formulaire en ligne hors schéma numérique",
	};
	static const char *const verdicts[] = { "acceptée", "refusée",
						"acceptée avec compensation" };

	for (size_t k = 0; k < c->n_req; k++) {
		const struct gen_request *q = &c->req[k];
		char uid[STORE_UID_LEN], on[DATE_ISO_LEN];
		long decided;
		bool has;
		const char *verdict, *what;
		double cost;

		if (q->kind != REQUEST_EXCEPTIONAL)
			continue;
		/* drawn one by one: the order of evaluation of arguments
		 * is unspecified, the values must not depend on it */
		verdict = PICK(g, verdicts);
		what = PICK(g, asked);
		cost = (double)rng_range(g, 5, 200) * 100;
		rng_uid(g, uid);
		decided = q->day + rng_range(g, 2, 30);
		has = decided < r->today;
		day_iso(decided, on);
		if (INSERT(d, S_EXCEPTIONAL, txt(uid), txt(q->uid),
			   txt(what),
			   txt("Adapter l'organisation usuelle des moyens du "
			       "service commun"),
			   txt(has ? verdict : NULL),
			   txt(has ? "Adjoint au directeur général des "
				     "territoires" : NULL),
			   txt(has ? on : NULL),
			   num_f(cost),
			   txt(has && strstr(verdict, "compensation")
				       ? "Ajustement de l'attribution de "
					 "compensation"
				       : NULL)) != 0)
			return -1;
	}
	return 0;
}

static int make_disputes(struct run *r, struct db *d, size_t ci, long count,
			 struct rng *g)
{
	static const char *const natures[] = { "programming", "substance" };
	static const char *const outcomes[] = { "decided", "compromise" };
	static const double steps_w[] = { 60, 30, 10 };
	const struct gen_contract *c = &r->c[ci];
	char (*uids)[STORE_UID_LEN] = xcalloc((size_t)count + 1, sizeof *uids);
	int ret = -1;

	for (long k = 0; k < count; k++) {
		char *uid = uids[k], opened[DATE_ISO_LEN],
		     closed[DATE_ISO_LEN], held_iso[DATE_ISO_LEN],
		     mayor_on[DATE_ISO_LEN];
		const struct gen_request *q = NULL, *q2 = NULL;
		long open_day, held_on[ARBITRATION_LEVELS], last;
		int domain, n_steps;
		bool is_closed, mayor;
		const char *like = NULL, *object, *nature, *solution;

		rng_uid(g, uid);
		if (c->n_req && rng_chance(g, 0.35)) {
			q = &c->req[rng_below(g, (long)c->n_req)];
			if (c->n_req > 1 && rng_chance(g, 0.2)) {
				q2 = &c->req[rng_below(g, (long)c->n_req)];
				if (q2 == q)
					q2 = NULL;
			}
			open_day = q->day + rng_range(g, 1, 20);
			if (q2 && q2->day + 1 > open_day)
				open_day = q2->day + 1;
			if (open_day >= r->today)
				open_day = r->today - 1;
			domain = q->domain;
		} else {
			open_day = rng_workday(g, c->start, r->today);
			domain = pick_domain(g, r->o.domains);
		}
		if (k > 0 && rng_chance(g, 0.05))
			like = uids[rng_below(g, k)];
		/* levels 1, 2, 3 a few days or weeks apart; only those
		 * held before today */
		n_steps = 1 + rng_weighted(g, steps_w, 3);
		held_on[0] = open_day + rng_range(g, 3, 20);
		for (int s = 1; s < n_steps; s++)
			held_on[s] = held_on[s - 1] + rng_range(g, 5, 30);
		while (n_steps > 1 && held_on[n_steps - 1] >= r->today)
			n_steps--;
		if (held_on[0] >= r->today)
			held_on[0] = open_day;
		last = held_on[n_steps - 1];
		is_closed = rng_chance(g, 0.9) && last + 15 < r->today;
		day_iso(open_day, opened);
		day_iso(last + rng_range(g, 0, 15), closed);
		object = PICK(g, dispute_objects);
		nature = natures[rng_chance(g, 0.3)];
		solution = is_closed ? PICK(g, solutions) : NULL;
		/* closed on substance at level 3: with the Mayor's
		 * instruction, given at the level-3 step (article 4; no
		 * draw, the stream stays as it was) */
		mayor = is_closed && !strcmp(nature, "substance") &&
			n_steps == ARBITRATION_LEVELS;
		day_iso(held_on[n_steps - 1], mayor_on);
		if (INSERT(d, S_DISPUTE, txt(uid), txt(c->uid),
			   txt(domain >= 0 ? c->domain_uid[domain] : NULL),
			   txt(opened), txt(object), txt(nature), txt(solution),
			   txt(is_closed ? closed : NULL), txt(like),
			   txt(AUTHOR), txt(r->today_stamp),
			   txt(mayor ? solution : NULL),
			   txt(mayor ? "Le Maire" : NULL),
			   txt(mayor ? mayor_on : NULL)) != 0)
			goto out;
		if ((q && INSERT(d, S_DISPUTE_REQUEST, txt(uid), txt(q->uid))) ||
		    (q2 && INSERT(d, S_DISPUTE_REQUEST, txt(uid),
				  txt(q2->uid))))
			goto out;
		for (int s = 0; s < n_steps; s++) {
			char step_uid[STORE_UID_LEN];
			bool final = s == n_steps - 1;
			const char *position, *outcome;

			rng_uid(g, step_uid);
			position = PICK(g, positions);
			outcome = final ? outcomes[rng_chance(g, 0.5)]
					: "escalated";
			day_iso(held_on[s], held_iso);
			if (INSERT(d, S_STEP, txt(step_uid), txt(uid),
				   num_i(s + 1), txt(held_iso),
				   txt(step_participants[s]),
				   txt(position), txt(outcome),
				   txt(final ? NULL
					     : "Pas d'accord : le niveau "
					       "suivant est saisi"),
				   txt(AUTHOR), txt(r->today_stamp)) != 0)
				goto out;
		}
	}
	ret = 0;
out:
	free(uids);
	return ret;
}

static int make_meetings(struct run *r, struct db *d, size_t ci, long count,
			 struct rng *g)
{
	static const char *const kinds[] = { "follow_up", "mayors",
					     "digital_committee", "thematic",
					     "annual_review" };
	static const double kind_w[] = { 70, 15, 5, 5, 5 };
	static const char *const done_w_status[] = { "done", "dropped",
						     "in_progress", "open" };
	static const double status_w[] = { 70, 5, 10, 15 };
	const struct gen_contract *c = &r->c[ci];
	long horizon = r->today + 90;

	for (long k = 0; k < count; k++) {
		char uid[STORE_UID_LEN], held_iso[DATE_ISO_LEN];
		const char *kind, *status, *place, *notes;
		long held;
		bool took_place;

		rng_uid(g, uid);
		if (k == 0) {
			kind = "launch";
			held = c->start + 14;
		} else {
			kind = kinds[rng_weighted(g, kind_w, 5)];
			held = rng_workday(g, c->start + 15, horizon);
			if (!strcmp(kind, "mayors") ||
			    !strcmp(kind, "annual_review")) {
				struct date dd = day_date(held);

				dd.month = !strcmp(kind, "annual_review")
						   ? 3
						   : (dd.month <= 6 ? 6 : 12);
				dd.day = (int)rng_range(g, 10, 25);
				held = day_number(dd);
				if (held < c->start + 15)
					held = c->start + 15;
			}
		}
		if (held >= r->today)
			status = "planned";
		else if (k == 0)
			status = "closed";	/* the launch took place */
		else if (held >= r->today - 20)
			status = rng_chance(g, 0.5) ? "open" : "closed";
		else
			status = rng_chance(g, 0.05) ? "cancelled" : "closed";
		took_place = !strcmp(status, "open") ||
			     !strcmp(status, "closed");
		day_iso(held, held_iso);
		place = PICK(g, places);
		notes = rng_chance(g, 0.7) ? PICK(g, meeting_notes) : NULL;
		if (INSERT(d, S_MEETING, txt(uid), txt(c->uid), txt(kind),
			   txt(held_iso), txt(status), txt(place), txt(notes),
			   txt(AUTHOR), txt(r->today_stamp)) != 0)
			return -1;
		for (long a = rng_range(g, 2, 6), i = 0; i < a; i++) {
			char auid[STORE_UID_LEN];
			long f = rng_below(g, (long)N_OF(functions));

			rng_uid(g, auid);
			if (INSERT(d, S_ATTENDEE, txt(auid), txt(uid),
				   txt(PICK(g, people)),
				   txt(functions[f].function),
				   txt(functions[f].side)) != 0)
				return -1;
		}
		if (!took_place)
			continue;
		for (long n = rng_range(g, 1, 3), i = 0; i < n; i++) {
			char duid[STORE_UID_LEN];

			rng_uid(g, duid);
			if (INSERT(d, S_DECISION, txt(duid), txt(uid),
				   num_i(i + 1), txt(PICK(g, decisions))) != 0)
				return -1;
		}
		for (long n = rng_range(g, 1, 4), i = 0; i < n; i++) {
			char auid[STORE_UID_LEN], due_iso[DATE_ISO_LEN],
				done_iso[DATE_ISO_LEN];
			long due = held + rng_range(g, 7, 90), done = -1;
			const char *ast, *what, *owner;

			rng_uid(g, auid);
			if (due < r->today) {
				ast = done_w_status[rng_weighted(g, status_w, 4)];
				if (!strcmp(ast, "done")) {
					done = held + 1 +
					       rng_below(g, due + 15 - held);
					if (done >= r->today)
						done = r->today - 1;
				}
			} else {
				ast = rng_chance(g, 0.6) ? "open"
							 : "in_progress";
			}
			what = PICK(g, actions);
			owner = PICK(g, people);
			day_iso(due, due_iso);
			if (done >= 0)
				day_iso(done, done_iso);
			if (INSERT(d, S_ACTION, txt(auid), txt(uid),
				   txt(what), txt(owner), txt(due_iso), txt(ast),
				   txt(done >= 0 ? done_iso : NULL),
				   txt(r->today_stamp)) != 0)
				return -1;
		}
	}
	return 0;
}

static int make_observations(struct run *r, struct db *d,
			     const struct gen_contract *c, struct rng *g)
{
	int y0 = r->o.today.year - (int)r->o.years;

	for (long k = 0; k < r->o.domains; k++)
		for (int y = y0; y < r->o.today.year; y++) {
			char uid[STORE_UID_LEN], year[24];

			if (!rng_chance(g, 0.4))
				continue;
			/* named by domain, year and party (none said), as
			 * the store names it */
			snprintf(year, sizeof year, "%d", y);
			store_uid_stable(uid, "observation", c->domain_uid[k],
					 year, "", NULL);
			if (INSERT(d, S_OBSERVATION, txt(uid),
				   txt(c->domain_uid[k]), num_i(y),
				   txt(PICK(g, observations)), txt(AUTHOR),
				   txt(r->today_stamp)) != 0)
				return -1;
		}
	return 0;
}

static int db_exec(struct db *d, const char *sql)
{
	if (sqlite3_exec(d->h, sql, NULL, NULL, NULL) != SQLITE_OK)
		return db_fail(d, sql);
	return 0;
}

static int db_open(struct db *d, const char *path)
{
	char *p = path[0] == '/' ? xstrdup(path) : xasprintf("./%s", path);
	int rc = sqlite3_open_v2(p, &d->h, SQLITE_OPEN_READWRITE, NULL);

	free(p);
	if (rc != SQLITE_OK)
		return db_fail(d, "ouvrir la base");
	sqlite3_busy_timeout(d->h, STORE_BUSY_MS);
	return db_exec(d, "PRAGMA foreign_keys = ON");
}

static void db_close(struct db *d)
{
	for (int i = 0; i < S_COUNT; i++)
		sqlite3_finalize(d->s[i]);
	sqlite3_close(d->h);
}

static int make_others(struct run *r, struct db *d)
{
	long dper = r->o.disputes / (long)r->n_c,
	     dextra = r->o.disputes % (long)r->n_c;
	long mper = r->o.meetings / (long)r->n_c,
	     mextra = r->o.meetings % (long)r->n_c;

	for (int i = 0; i < S_COUNT; i++)
		if (sqlite3_prepare_v2(d->h, insert_sql[i], -1, &d->s[i],
				       NULL) != SQLITE_OK)
			return db_fail(d, insert_sql[i]);
	if (db_exec(d, "BEGIN IMMEDIATE") != 0)
		return -1;
	for (size_t i = 0; i < r->n_c; i++) {
		struct rng g;

		rng_init(&g, r->o.seed, 4, (unsigned)i);
		if (make_exceptional(r, d, &r->c[i], &g) != 0 ||
		    make_disputes(r, d, i, dper + ((long)i < dextra), &g) != 0 ||
		    make_meetings(r, d, i, mper + ((long)i < mextra), &g) != 0 ||
		    make_observations(r, d, &r->c[i], &g) != 0) {
			sqlite3_exec(d->h, "ROLLBACK", NULL, NULL, NULL);
			return -1;
		}
	}
	if (db_exec(d, "COMMIT") != 0)
		return -1;
	fprintf(stderr, "  %ld demandes exceptionnelles, %ld litiges (%ld "
		"étapes, %ld saisines liées), %ld réunions (%ld participants, "
		"%ld décisions, %ld actions), %ld observations\n",
		d->rows[S_EXCEPTIONAL], d->rows[S_DISPUTE], d->rows[S_STEP],
		d->rows[S_DISPUTE_REQUEST], d->rows[S_MEETING],
		d->rows[S_ATTENDEE], d->rows[S_DECISION], d->rows[S_ACTION],
		d->rows[S_OBSERVATION]);
	return 0;
}

/* ------------------------------------------------------------------ */
/* 5. Checks and totals                                                */

static int db_count(struct db *d, const char *sql, long *out)
{
	sqlite3_stmt *s;
	int rc;

	if (sqlite3_prepare_v2(d->h, sql, -1, &s, NULL) != SQLITE_OK)
		return db_fail(d, sql);
	rc = sqlite3_step(s);
	*out = rc == SQLITE_ROW ? (long)sqlite3_column_int64(s, 0) : 0;
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW)
		return db_fail(d, sql);
	return 0;
}

static int check_and_count(const struct run *r, struct db *d)
{
	static const struct {
		const char *label, *sql;
	} totals[] = {
		{ "contrats", "SELECT count(*) FROM contract" },
		{ "domaines", "SELECT count(*) FROM domain" },
		{ "indicateurs", "SELECT count(*) FROM indicator" },
		{ "valeurs (measurement)", "SELECT count(*) FROM measurement" },
		{ "  dont commentées",
		  "SELECT count(*) FROM measurement WHERE comment IS NOT NULL" },
		{ "historique (measurement_history)",
		  "SELECT count(*) FROM measurement_history" },
		{ "cibles", "SELECT count(*) FROM target" },
		{ "saisines", "SELECT count(*) FROM request" },
		{ "  dont exceptionnelles",
		  "SELECT count(*) FROM exceptional_request" },
		{ "litiges", "SELECT count(*) FROM dispute" },
		{ "étapes d'arbitrage", "SELECT count(*) FROM arbitration_step" },
		{ "réunions", "SELECT count(*) FROM meeting" },
		{ "participants", "SELECT count(*) FROM meeting_attendee" },
		{ "décisions", "SELECT count(*) FROM decision" },
		{ "actions", "SELECT count(*) FROM action_item" },
		{ "observations", "SELECT count(*) FROM observation" },
	};
	sqlite3_stmt *s;
	const char *verdict;
	long fk = 0, v;
	struct stat sb;
	int rc;

	if (sqlite3_prepare_v2(d->h, "PRAGMA integrity_check", -1, &s,
			       NULL) != SQLITE_OK)
		return db_fail(d, "PRAGMA integrity_check");
	rc = sqlite3_step(s);
	verdict = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(s, 0)
				   : NULL;
	if (!verdict || strcmp(verdict, "ok") != 0) {
		err_set(d->e, ERR_CORRUPT, "integrity_check : %s",
			verdict ? verdict : sqlite3_errmsg(d->h));
		sqlite3_finalize(s);
		return -1;
	}
	sqlite3_finalize(s);
	if (sqlite3_prepare_v2(d->h, "PRAGMA foreign_key_check", -1, &s,
			       NULL) != SQLITE_OK)
		return db_fail(d, "PRAGMA foreign_key_check");
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		fk++;
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return db_fail(d, "PRAGMA foreign_key_check");
	if (fk) {
		err_set(d->e, ERR_CORRUPT, "foreign_key_check : %ld lignes", fk);
		return -1;
	}
	fprintf(stderr, "  integrity_check : ok ; foreign_key_check : ok\n");
	for (size_t i = 0; i < N_OF(totals); i++) {
		if (db_count(d, totals[i].sql, &v) != 0)
			return -1;
		fprintf(stderr, "  %-34s %10ld\n", totals[i].label, v);
	}
	fprintf(stderr, "  %-34s %10ld\n", "lignes indicateur × criticité",
		r->indicator_rows);
	if (stat(r->o.db, &sb) != 0) {
		err_set(d->e, ERR_IO, "%s : %s", r->o.db, err_errno_fr(errno));
		return -1;
	}
	fprintf(stderr, "  %-34s %10.1f Mo\n", "taille du fichier",
		(double)sb.st_size / 1e6);
	return 0;
}

/* ------------------------------------------------------------------ */
/* Command line                                                        */

static int usage(void)
{
	fprintf(stderr,
		"usage : " PROG " [--seed N] [--communes N] [--years N] "
		"[--requests N]\n"
		"                 [--disputes N] [--meetings N] [--domains N] "
		"[--today AAAA-MM-JJ] BASE\n");
	return 2;
}

static int parse_long(const char *name, const char *s, long lo, long hi,
		      long *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < lo || v > hi) {
		fprintf(stderr, PROG " : %s : « %s » n'est pas un entier de %ld "
			"à %ld\n", name, s, lo, hi);
		return -1;
	}
	*out = v;
	return 0;
}

static int parse_args(int argc, char **argv, struct options *o)
{
	static const struct {
		const char *name;
		long lo, hi;
		size_t off;
	} nums[] = {
		{ "--communes", 1, MAX_COMMUNES, offsetof(struct options, communes) },
		{ "--years", 1, 100, offsetof(struct options, years) },
		{ "--requests", 0, 100000000, offsetof(struct options, requests) },
		{ "--disputes", 0, 10000000, offsetof(struct options, disputes) },
		{ "--meetings", 0, 10000000, offsetof(struct options, meetings) },
		{ "--domains", 2, MAX_DOMAINS, offsetof(struct options, domains) },
	};

	*o = (struct options){ 1, 28, 10, 50000, 5000, 1000, 10,
			       { 2026, 11, 23 }, NULL };
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v;
		bool done = false;

		if (a[0] != '-' || !strcmp(a, "-")) {
			if (o->db)
				return usage();
			o->db = a;
			continue;
		}
		if (i + 1 >= argc)
			return usage();
		v = argv[++i];
		if (!strcmp(a, "--seed")) {
			char *end;

			errno = 0;
			o->seed = strtoull(v, &end, 10);
			if (errno || end == v || *end || v[0] == '-') {
				fprintf(stderr, PROG " : --seed : « %s » n'est pas "
					"un entier positif\n", v);
				return 2;
			}
			continue;
		}
		if (!strcmp(a, "--today")) {
			if (date_parse(v, &o->today) != 0) {
				fprintf(stderr, PROG " : --today : date illisible "
					": « %s »\n", v);
				return 2;
			}
			continue;
		}
		for (size_t k = 0; k < N_OF(nums) && !done; k++) {
			if (strcmp(a, nums[k].name) != 0)
				continue;
			if (parse_long(a, v, nums[k].lo, nums[k].hi,
				       (long *)((char *)o + nums[k].off)) != 0)
				return 2;
			done = true;
		}
		if (!done)
			return usage();
	}
	if (!o->db)
		return usage();
	if (o->today.year - o->years < 1900) {
		fprintf(stderr, PROG " : --years : le contrat commencerait avant "
			"1900\n");
		return 2;
	}
	return 0;
}

static void run_release(struct run *r)
{
	for (size_t i = 0; i < r->n_c; i++) {
		free(r->c[i].commune);
		free(r->c[i].domain_uid);
		free(r->c[i].req);
	}
	free(r->c);
	for (long k = 0; k < r->o.domains && r->codes; k++) {
		free(r->codes[k]);
		free(r->names[k]);
	}
	free(r->codes);
	free(r->names);
}

static void report(const char *what, double t0)
{
	fprintf(stderr, "%s : %.2f s\n", what, now_s() - t0);
}

int main(int argc, char **argv)
{
	struct run r;
	struct store *st = NULL;
	struct db d;
	struct err e;
	struct stat sb;
	double t0, t_all = now_s();
	char *journal;
	int rc;

	memset(&r, 0, sizeof r);
	memset(&d, 0, sizeof d);
	err_clear(&e);
	d.e = &e;
	if ((rc = parse_args(argc, argv, &r.o)) != 0)
		return rc;
	if (lstat(r.o.db, &sb) == 0 || errno != ENOENT) {
		fprintf(stderr, PROG " : %s existe déjà : rien n'a été écrit\n",
			r.o.db);
		return 1;
	}
	r.today = day_number(r.o.today);
	snprintf(r.today_stamp, sizeof r.today_stamp,
		 "%04d-%02d-%02dT12:00:00Z", r.o.today.year, r.o.today.month,
		 r.o.today.day);
	r.codes = xcalloc((size_t)r.o.domains, sizeof *r.codes);
	r.names = xcalloc((size_t)r.o.domains, sizeof *r.names);
	for (long k = 0; k < r.o.domains; k++) {
		r.codes[k] = k == 0 ? xstrdup("nsi")
			   : k == 1 ? xstrdup("eco")
				    : xasprintf("d%ld", k + 1);
		r.names[k] = k < 2 ? NULL : xstrdup(domain_name_of(k));
	}
	fprintf(stderr, PROG " : %s, graine %llu, %ld commune%s, %ld an%s, "
		"%ld domaines, %ld saisines, %ld litiges, %ld réunions, "
		"aujourd'hui %04d-%02d-%02d\n", r.o.db, r.o.seed, r.o.communes,
		r.o.communes > 1 ? "s" : "", r.o.years,
		r.o.years > 1 ? "s" : "", r.o.domains, r.o.requests, r.o.disputes,
		r.o.meetings, r.o.today.year, r.o.today.month, r.o.today.day);

	if (store_open(r.o.db, STORE_WRITE, &st, &e) != 0)
		goto fail;
	store_set_author(st, AUTHOR);

	t0 = now_s();
	if (make_contracts(&r, st, &e) != 0)
		goto fail;
	report("1. contrats", t0);

	t0 = now_s();
	if (make_measurements(&r, st, &e) != 0)
		goto fail;
	report("2. valeurs, historique et cibles", t0);

	t0 = now_s();
	if (make_requests(&r, st, &e) != 0)
		goto fail;
	report("3. saisines", t0);

	store_close(st);
	st = NULL;
	t0 = now_s();
	if (db_open(&d, r.o.db) != 0 || make_others(&r, &d) != 0)
		goto fail;
	report("4. litiges, réunions, demandes exceptionnelles, observations",
	       t0);

	t0 = now_s();
	if (check_and_count(&r, &d) != 0)
		goto fail;
	report("5. vérification et totaux", t0);
	db_close(&d);
	report("total", t_all);
	run_release(&r);
	return 0;
fail:
	fprintf(stderr, PROG " : ");
	err_print(&e, stderr);
	store_close(st);
	if (d.h)
		db_close(&d);
	/* the file is ours (it did not exist): no half-built database */
	journal = xasprintf("%s-journal", r.o.db);
	unlink(journal);
	unlink(r.o.db);
	fprintf(stderr, PROG " : %s supprimée\n", r.o.db);
	free(journal);
	run_release(&r);
	return 1;
}
