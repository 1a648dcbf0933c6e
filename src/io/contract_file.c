#include "suivi/contract_file.h"
#include "suivi/date.h"
#include "suivi/ini.h"
#include "suivi/number.h"
#include "suivi/strbuf.h"
#include "suivi/text.h"
#include "suivi/xalloc.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/*
 * The format as tables: a section type, the shape of its identifier and
 * its keys. A key written "name.#" stands for name.1, name.2, …; a key
 * marked with a leading '*' is required.
 */
enum sec_type {
	S_CONTRACT,
	S_ARTICLE,
	S_AMENDMENT,
	S_DOMAIN,
	S_SUBDOMAIN,
	S_ROLE,
	S_CONTACT,
	S_PRIORITIES,
	S_COMMITTEE,
	S_COMMITMENT,
	S_INDICATOR,
	S_CHOICE,
	S_COUNT
};

enum id_form {
	ID_NONE,	/* [contrat] */
	ID_NUMBER,	/* [article 4] */
	ID_CODE,	/* [domaine nsi] */
	ID_CODE_LETTER,	/* [sous-domaine nsi/A] */
	ID_CODE_N,	/* [role nsi/1] */
	ID_CONTACT,	/* [contact nsi/A/urgence], [contact eco/urgence] */
	ID_CODE_NUM,	/* [indicateur nsi/3.3.2] */
	ID_OPT_CODE_NUM,	/* [choix], [choix nsi/3.3.2] */
};

struct sec_spec {
	const char *type;
	enum id_form id;
	const char *id_help;
	const char *const *keys;
};

/* insee and debut are required in [contrat] or in [choix]: checked by
 * read_header. */
static const char *const contract_keys[] = {
	"*identifiant", "*commune", "insee", "*intitule", "debut",
	"signature", "duree", "metropole", "maire", "preambule.#", NULL
};
static const char *const article_keys[] = {
	"*titre", "*resume", "texte.#", NULL
};
static const char *const amendment_keys[] = {
	"*contrat", "*numero", "*en_vigueur", "signature", "*objet",
	"remplace", "ajoute", NULL
};
static const char *const domain_keys[] = {
	"*nom", "transcrite", "annexe", "preambule.#", "moyens", "modalites.#",
	"fonctionnement.#", "note.#", "volumetrie", NULL
};
static const char *const subdomain_keys[] = {
	"*nom", "activite.#", "activite.#.rubrique", "note", NULL
};
static const char *const role_keys[] = {
	"*cote", "*intitule", "*fonction", NULL
};
static const char *const contact_keys[] = {
	"*commune", "*service_commun", NULL
};
static const char *const priorities_keys[] = {
	"priorite.#", "priorite.#.supprimee", "engagement.#", NULL
};
static const char *const committee_keys[] = {
	"*nom", "objet", "participants_commune",
	"participants_service_commun", "frequence", NULL
};
static const char *const commitment_keys[] = {
	"sous_domaine", "*intitule", NULL
};
/* type_valeur and meilleur are required in [indicateur] or in its
 * [choix]: checked by read_indicator. */
static const char *const indicator_keys[] = {
	"*engagement", "*intitule", "definition", "*periodicite", "*source",
	"niveau_constate", "conditions", "type_valeur", "unite", "echelle",
	"meilleur", "criticites", "calcul", NULL
};
/* What the follow-up chose where the contract says nothing: the header
 * facts of [contrat] in [choix], an indicator's attributes in
 * [choix CODE/NUM] (which of the two is checked by check_choice). */
static const char *const contract_choice_keys[] = {
	"insee", "debut", "signature", "duree", NULL
};
static const char *const indicator_choice_keys[] = {
	"type_valeur", "unite", "echelle", "meilleur", "criticites", "calcul",
	NULL
};
static const char *const choice_keys[] = {
	"insee", "debut", "signature", "duree", "type_valeur", "unite",
	"echelle", "meilleur", "criticites", "calcul", NULL
};

static const struct sec_spec specs[S_COUNT] = {
	[S_CONTRACT] = { "contrat", ID_NONE, "[contrat]", contract_keys },
	[S_ARTICLE] = { "article", ID_NUMBER, "[article N]", article_keys },
	[S_AMENDMENT] = { "avenant", ID_NONE, "[avenant]", amendment_keys },
	[S_DOMAIN] = { "domaine", ID_CODE, "[domaine CODE]", domain_keys },
	[S_SUBDOMAIN] = { "sous-domaine", ID_CODE_LETTER,
			  "[sous-domaine CODE/LETTRE]", subdomain_keys },
	[S_ROLE] = { "role", ID_CODE_N, "[role CODE/N]", role_keys },
	[S_CONTACT] = { "contact", ID_CONTACT,
			"[contact CODE/LETTRE/TYPE] ou [contact CODE/TYPE]",
			contact_keys },
	[S_PRIORITIES] = { "priorites", ID_CODE, "[priorites CODE]",
			   priorities_keys },
	[S_COMMITTEE] = { "comite", ID_CODE_N, "[comite CODE/N]",
			  committee_keys },
	[S_COMMITMENT] = { "engagement", ID_CODE_NUM,
			   "[engagement CODE/NUMERO]", commitment_keys },
	[S_INDICATOR] = { "indicateur", ID_CODE_NUM,
			  "[indicateur CODE/NUMERO]", indicator_keys },
	[S_CHOICE] = { "choix", ID_OPT_CODE_NUM,
		       "[choix] ou [choix CODE/NUMERO]", choice_keys },
};

/* A section once classified. */
struct sec {
	const struct ini_section *ini;
	enum sec_type type;
	char *domain;		/* domain code, or NULL */
	char *letter;		/* sub-domain letter, or NULL */
	char *num;		/* commitment/indicator number, or NULL */
	int n;			/* article, role or committee number */
	int kind;		/* contact: enum request_kind */
	bool ok;		/* identifier and keys valid */
	bool complete;		/* identifier valid, required keys given */
};

struct reader {
	const char *path;
	struct diag_list *diags;
	size_t before;
	struct sec *secs;
	size_t n_secs;
};

#define PROBLEM(r, line, ...) diag_add((r)->diags, (r)->path, (line), __VA_ARGS__)

static bool is_code(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		      *s == '-'))
			return false;
	return true;
}

static bool is_letter(const char *s)
{
	return s[0] >= 'A' && s[0] <= 'Z' && s[1] == '\0';
}

/* "1", "3.3", "3.3.2": digits groups separated by single dots. */
static bool is_number_code(const char *s)
{
	bool digit = false;

	for (; *s; s++) {
		if (*s >= '0' && *s <= '9') {
			digit = true;
		} else if (*s == '.' && digit) {
			digit = false;
		} else {
			return false;
		}
	}
	return digit;
}

/* Does a group of a number code start with a zero followed by a digit
 * ("01.1", "1.05")? */
static bool leading_zero(const char *s)
{
	for (const char *p = s; *p; p++)
		if (*p == '0' && (p == s || p[-1] == '.') && p[1] >= '0' &&
		    p[1] <= '9')
			return true;
	return false;
}

/* "01.005" -> "1.5" (heap string). */
static char *without_zeros(const char *s)
{
	char *out = xstrdup(s), *w = out;
	bool group_start = true;

	for (const char *p = s; *p; p++) {
		if (group_start && *p == '0' && p[1] >= '0' && p[1] <= '9')
			continue;
		group_start = *p == '.';
		*w++ = *p;
	}
	*w = '\0';
	return out;
}

/* A positive integer without leading zero, at most max. */
static bool small_uint(const char *s, int max, int *out)
{
	unsigned long v;

	if (s[0] == '0' || number_parse_uint(s, (unsigned long)max, &v) != 0 ||
	    v == 0)
		return false;
	*out = (int)v;
	return true;
}

/* Does key match pattern ("activite.#.rubrique")? Sets *n for '#'. */
static bool key_matches(const char *pattern, const char *key, int *n)
{
	const char *hash = strchr(pattern, '#');
	size_t pre;
	char digits[16];
	size_t k = 0;

	if (!hash)
		return strcmp(pattern, key) == 0;
	pre = (size_t)(hash - pattern);
	if (strncmp(pattern, key, pre) != 0)
		return false;
	key += pre;
	while (key[k] >= '0' && key[k] <= '9' && k < sizeof digits - 1) {
		digits[k] = key[k];
		k++;
	}
	digits[k] = '\0';
	if (k == 0 || !small_uint(digits, 9999, n))
		return false;
	return strcmp(hash + 1, key + k) == 0;
}

static const char *spec_key_name(const char *k)
{
	return k[0] == '*' ? k + 1 : k;
}

static const char *value(const struct sec *s, const char *key)
{
	const struct ini_entry *e = ini_get(s->ini, key);

	return e ? e->value : NULL;
}

static int line_of(const struct sec *s, const char *key)
{
	const struct ini_entry *e = ini_get(s->ini, key);

	return e ? e->line : s->ini->line;
}

static char *dup_opt(const struct sec *s, const char *key)
{
	const char *v = value(s, key);

	return v && *v ? xstrdup(v) : NULL;
}

/* Split "CODE/REST" ; returns false if no slash. */
static bool split_slash(const char *id, char **head, const char **rest)
{
	const char *slash = strchr(id, '/');

	if (!slash)
		return false;
	*head = xstrndup(id, (size_t)(slash - id));
	*rest = slash + 1;
	return true;
}

static bool parse_id(struct reader *r, struct sec *s, const char *id)
{
	const struct sec_spec *sp = &specs[s->type];
	const char *rest;
	int line = s->ini->line;

	switch (sp->id) {
	case ID_NONE:
		if (*id)
			goto bad;
		return true;
	case ID_NUMBER:
		if (!small_uint(id, 99, &s->n))
			goto bad;
		return true;
	case ID_CODE:
		if (!is_code(id))
			goto bad;
		s->domain = xstrdup(id);
		return true;
	case ID_CODE_LETTER:
		if (!split_slash(id, &s->domain, &rest) || !is_code(s->domain) ||
		    !is_letter(rest))
			goto bad;
		s->letter = xstrdup(rest);
		return true;
	case ID_CODE_N:
		if (!split_slash(id, &s->domain, &rest) || !is_code(s->domain) ||
		    !small_uint(rest, 999, &s->n))
			goto bad;
		return true;
	case ID_OPT_CODE_NUM:
		if (!*id)
			return true;
		/* fall through */
	case ID_CODE_NUM:
		if (!split_slash(id, &s->domain, &rest) || !is_code(s->domain) ||
		    !is_number_code(rest))
			goto bad;
		if (leading_zero(rest)) {
			/* "01.1" beside "1.1" would be two codes for what
			 * reads as one */
			PROBLEM(r, line, "numéro « %s » dans [%s] : pas de zéro "
				"en tête d'un nombre (écrire « %s »)", rest,
				s->ini->name, s->num = without_zeros(rest));
			return false;
		}
		s->num = xstrdup(rest);
		return true;
	case ID_CONTACT: {
		const char *kind = NULL;
		const char *slash;

		if (!split_slash(id, &s->domain, &rest) || !is_code(s->domain))
			goto bad;
		slash = strchr(rest, '/');
		if (slash) {
			char *letter = xstrndup(rest, (size_t)(slash - rest));

			if (!is_letter(letter)) {
				free(letter);
				goto bad;
			}
			s->letter = letter;
			kind = slash + 1;
		} else {
			kind = rest;
		}
		s->kind = vocab_from_file(request_kind_vocab,
					  REQUEST_KIND_COUNT, kind);
		if (s->kind < 0) {
			PROBLEM(r, line,
				"type de saisine « %s » inconnu dans [%s] "
				"(attendu : ordinaire, urgence ou exceptionnelle)",
				kind, s->ini->name);
			return false;
		}
		return true;
	}
	}
bad:
	PROBLEM(r, line, "section [%s] mal nommée : attendu %s", s->ini->name,
		sp->id_help);
	return false;
}

static bool check_keys(struct reader *r, struct sec *s)
{
	const struct sec_spec *sp = &specs[s->type];
	bool ok = true;

	for (size_t i = 0; i < s->ini->n; i++) {
		const struct ini_entry *e = &s->ini->entries[i];
		bool known = false;
		int n;

		for (const char *const *k = sp->keys; *k && !known; k++)
			known = key_matches(spec_key_name(*k), e->key, &n);
		if (!known) {
			struct strbuf sb;

			strbuf_init(&sb);
			for (const char *const *k = sp->keys; *k; k++)
				strbuf_addf(&sb, "%s%s", k == sp->keys ? "" : ", ",
					    spec_key_name(*k));
			PROBLEM(r, e->line,
				"clé inconnue « %s » dans [%s] (clés permises : %s)",
				e->key, s->ini->name, sb.buf);
			strbuf_release(&sb);
			ok = false;
		}
	}
	for (const char *const *k = sp->keys; *k; k++) {
		const char *v;

		if ((*k)[0] != '*')
			continue;
		v = value(s, *k + 1);
		if (!v) {
			PROBLEM(r, s->ini->line,
				"clé obligatoire « %s » manquante dans [%s]",
				*k + 1, s->ini->name);
			ok = s->complete = false;
		} else if (!*v) {
			PROBLEM(r, line_of(s, *k + 1),
				"la clé obligatoire « %s » est vide", *k + 1);
			ok = s->complete = false;
		}
	}
	return ok;
}

static void classify(struct reader *r, const struct ini_file *f)
{
	r->secs = xcalloc(f->n ? f->n : 1, sizeof *r->secs);
	r->n_secs = f->n;
	for (size_t i = 0; i < f->n; i++) {
		struct sec *s = &r->secs[i];
		const char *name = f->sections[i].name;
		const char *sp = strchr(name, ' ');
		size_t tlen = sp ? (size_t)(sp - name) : strlen(name);
		const char *id = sp ? sp + 1 : "";
		int t;

		s->ini = &f->sections[i];
		s->kind = -1;
		s->type = S_COUNT;	/* unknown until recognised */
		while (*id == ' ')
			id++;
		for (t = 0; t < S_COUNT; t++)
			if (strlen(specs[t].type) == tlen &&
			    strncasecmp(specs[t].type, name, tlen) == 0)
				break;
		if (t == S_COUNT) {
			PROBLEM(r, s->ini->line,
				"section inconnue [%s] (sections permises : contrat, "
				"article, avenant, domaine, sous-domaine, role, "
				"contact, priorites, comite, engagement, indicateur, "
				"choix)",
				name);
			continue;
		}
		s->type = (enum sec_type)t;
		s->ok = s->complete = parse_id(r, s, id);
		if (!check_keys(r, s))
			s->ok = false;
	}
}

static void release_secs(struct reader *r)
{
	for (size_t i = 0; i < r->n_secs; i++) {
		free(r->secs[i].domain);
		free(r->secs[i].letter);
		free(r->secs[i].num);
	}
	free(r->secs);
}

static bool problems(const struct reader *r)
{
	return r->diags->n > r->before;
}

/* Collect numbered keys prefix.N (exactly, no suffix) in order of N. */
struct numbered {
	int n;
	const struct ini_entry *e;
};

static int cmp_numbered(const void *a, const void *b)
{
	const struct numbered *x = a, *y = b;

	return (x->n > y->n) - (x->n < y->n);
}

static size_t collect(const struct sec *s, const char *pattern,
		      struct numbered **out)
{
	struct numbered *v = NULL;
	size_t n = 0, cap = 0;

	for (size_t i = 0; i < s->ini->n; i++) {
		int k;

		if (key_matches(pattern, s->ini->entries[i].key, &k)) {
			v = xgrow(v, &cap, n + 1, sizeof *v);
			v[n].n = k;
			v[n].e = &s->ini->entries[i];
			n++;
		}
	}
	if (n > 1)
		qsort(v, n, sizeof *v, cmp_numbered);
	*out = v;
	return n;
}

/* Paragraphs prefix.N joined with blank lines, or NULL. */
static char *paragraphs(const struct sec *s, const char *pattern)
{
	struct numbered *v;
	size_t n = collect(s, pattern, &v);
	struct strbuf sb;

	if (n == 0) {
		free(v);
		return NULL;
	}
	strbuf_init(&sb);
	for (size_t i = 0; i < n; i++) {
		if (!*v[i].e->value)
			continue;
		if (sb.len)
			strbuf_addstr(&sb, "\n\n");
		strbuf_addstr(&sb, v[i].e->value);
	}
	free(v);
	if (!sb.len) {
		strbuf_release(&sb);
		return NULL;
	}
	return strbuf_detach(&sb);
}

static char *date_value(struct reader *r, const struct sec *s, const char *key)
{
	const char *v = value(s, key);
	struct date d;
	char iso[DATE_ISO_LEN];

	if (!v || !*v)
		return NULL;
	if (date_parse(v, &d) != 0) {
		PROBLEM(r, line_of(s, key),
			"date « %s » invalide pour « %s » (attendu AAAA-MM-JJ "
			"ou JJ/MM/AAAA)", v, key);
		return NULL;
	}
	date_format_iso(d, iso);
	return xstrdup(iso);
}

static bool yes_no(struct reader *r, const struct sec *s, const char *key,
		   bool *out)
{
	const char *v = value(s, key);

	if (!v)
		return true;
	if (strcmp(v, "oui") == 0) {
		*out = true;
	} else if (strcmp(v, "non") == 0) {
		*out = false;
	} else {
		PROBLEM(r, line_of(s, key), "« %s » attend oui ou non, pas « %s »",
			key, v);
		return false;
	}
	return true;
}

static struct annex *annex_of(struct contract_doc *doc, const char *code)
{
	for (size_t i = 0; i < doc->n_annexes; i++)
		if (strcmp(doc->annexes[i].domain_code, code) == 0)
			return &doc->annexes[i];
	return NULL;
}

static struct annex *annex_for(struct reader *r, struct contract_doc *doc,
			       const struct sec *s)
{
	struct annex *a = annex_of(doc, s->domain);

	if (!a) {
		PROBLEM(r, s->ini->line,
			"[%s] renvoie au domaine « %s », qui n'a pas de section "
			"[domaine %s] dans ce fichier", s->ini->name, s->domain,
			s->domain);
	} else if (a->untranscribed) {
		PROBLEM(r, s->ini->line,
			"[%s] : l'annexe du domaine « %s » est déclarée non "
			"transcrite (transcrite = non), elle n'a pas de contenu",
			s->ini->name, s->domain);
		a = NULL;
	}
	return a;
}

static bool has_subdomain(const struct annex *a, const char *letter)
{
	for (size_t i = 0; i < a->n_subdomains; i++)
		if (strcmp(a->subdomains[i].letter, letter) == 0)
			return true;
	return false;
}

static bool has_commitment(const struct annex *a, const char *code)
{
	for (size_t i = 0; i < a->n_commitments; i++)
		if (strcmp(a->commitments[i].code, code) == 0)
			return true;
	return false;
}

/* "nsi, eco": a list of domain codes, each once, no empty item. */
static void domain_codes(struct reader *r, const struct sec *s,
			 const char *key, char ***out, size_t *n)
{
	const char *rep = value(s, key);
	int line = line_of(s, key);

	if (!rep)
		return;
	if (!*rep) {
		PROBLEM(r, line, "« %s » est vide : donnez au moins un code de "
			"domaine, ou retirez la clé", key);
		return;
	}
	for (;;) {
		const char *comma = strchr(rep, ',');
		size_t len = comma ? (size_t)(comma - rep) : strlen(rep);
		char *code = xstrndup(rep, len);

		text_trim(code);
		if (!*code) {
			PROBLEM(r, line, "élément vide dans « %s » (une virgule "
				"de trop ?)", key);
			free(code);
		} else if (!is_code(code)) {
			PROBLEM(r, line, "code de domaine « %s » invalide dans "
				"« %s »", code, key);
			free(code);
		} else {
			for (size_t k = 0; k < *n; k++)
				if (!strcmp((*out)[k], code))
					PROBLEM(r, line, "« %s » répété dans "
						"« %s »", code, key);
			*out = xrealloc(*out, (*n + 1) * sizeof **out);
			(*out)[(*n)++] = code;
		}
		if (!comma)
			break;
		rep = comma + 1;
	}
}

static void read_header(struct reader *r, struct contract_doc *doc,
			const struct sec *s)
{
	if (s->type == S_CONTRACT) {
		const char *id = value(s, "identifiant");
		const char *insee = value(s, "insee");

		doc->kind = DOC_CONTRACT;
		if (!insee || !*insee || !value(s, "debut") ||
		    !*value(s, "debut")) {
			PROBLEM(r, s->ini->line, "clé obligatoire « %s » manquante "
				"ou vide dans [contrat] (ni dans [choix])",
				!insee || !*insee ? "insee" : "debut");
			return;
		}
		doc->line_header = s->ini->line;
		doc->line_identifier = line_of(s, "identifiant");
		doc->line_insee = line_of(s, "insee");
		if (!is_code(id))
			PROBLEM(r, line_of(s, "identifiant"),
				"identifiant « %s » invalide : lettres minuscules "
				"sans accent, chiffres et « - » seulement", id);
		if (strlen(insee) != 5 ||
		    !(isdigit((unsigned char)insee[0]) &&
		      (isdigit((unsigned char)insee[1]) || insee[1] == 'A' ||
		       insee[1] == 'B') &&
		      isdigit((unsigned char)insee[2]) &&
		      isdigit((unsigned char)insee[3]) &&
		      isdigit((unsigned char)insee[4])))
			PROBLEM(r, line_of(s, "insee"),
				"code INSEE « %s » invalide (5 caractères, "
				"par exemple 33200)", insee);
		doc->identifier = xstrdup(id);
		doc->commune = xstrdup(value(s, "commune"));
		doc->insee = xstrdup(insee);
		doc->title = xstrdup(value(s, "intitule"));
		doc->starts_on = date_value(r, s, "debut");
		doc->signed_on = date_value(r, s, "signature");
		doc->duration = dup_opt(s, "duree");
		doc->metropole_signatory = dup_opt(s, "metropole");
		doc->mayor_signatory = dup_opt(s, "maire");
		doc->preamble = paragraphs(s, "preambule.#");
	} else {
		const char *num = value(s, "numero");
	
		doc->kind = DOC_AMENDMENT;
		doc->line_header = s->ini->line;
		doc->line_contract_ref = line_of(s, "contrat");
		doc->line_in_force = line_of(s, "en_vigueur");
		doc->line_identifier = line_of(s, "numero");
		doc->contract_identifier = xstrdup(value(s, "contrat"));
		if (!small_uint(num, 999, &doc->number))
			PROBLEM(r, line_of(s, "numero"),
				"numéro d'avenant « %s » invalide (entier "
				"positif attendu)", num);
		doc->in_force_from = date_value(r, s, "en_vigueur");
		doc->signed_on = date_value(r, s, "signature");
		doc->object = xstrdup(value(s, "objet"));
		doc->line_replaces = line_of(s, "remplace");
		doc->line_adds = line_of(s, "ajoute");
		domain_codes(r, s, "remplace", &doc->replaces, &doc->n_replaces);
		domain_codes(r, s, "ajoute", &doc->adds, &doc->n_adds);
		if (!value(s, "remplace") && !value(s, "ajoute"))
			PROBLEM(r, s->ini->line,
				"l'avenant ne dit ni quelles annexes il remplace "
				"(« remplace = CODE ») ni quels domaines il ajoute "
				"(« ajoute = CODE »)");
		if (doc->in_force_from && doc->signed_on &&
		    strcmp(doc->signed_on, doc->in_force_from) > 0) {
			char a[DATE_ISO_LEN], b[DATE_ISO_LEN];

			date_iso_fr(doc->signed_on, a);
			date_iso_fr(doc->in_force_from, b);
			diag_add(&doc->warnings, r->path, line_of(s, "signature"),
				 "attention : l'avenant est signé le %s, après "
				 "son entrée en vigueur le %s (effet "
				 "rétroactif) : vérifiez ces deux dates", a, b);
		}
	}
}

static void read_domain(struct reader *r, struct contract_doc *doc,
			const struct sec *s)
{
	struct annex *a;
	bool transcribed = true;

	if (yes_no(r, s, "transcrite", &transcribed) && !transcribed) {
		if (doc->kind == DOC_AMENDMENT)
			PROBLEM(r, line_of(s, "transcrite"),
				"« transcrite = non » ne va que dans un contrat "
				"(une annexe qu'il a mais dont le texte n'est pas "
				"transcrit) : un avenant donne l'annexe qu'il "
				"remplace ou ajoute");
		for (size_t i = 0; i < s->ini->n; i++) {
			const char *k = s->ini->entries[i].key;

			if (strcmp(k, "nom") && strcmp(k, "transcrite"))
				PROBLEM(r, s->ini->entries[i].line,
					"« %s » dans une annexe non transcrite "
					"(transcrite = non) : seule la clé « nom » "
					"l'accompagne", k);
		}
	}

	doc->annexes = xrealloc(doc->annexes,
				(doc->n_annexes + 1) * sizeof *doc->annexes);
	a = &doc->annexes[doc->n_annexes++];
	memset(a, 0, sizeof *a);
	a->domain_code = xstrdup(s->domain);
	a->domain_name = xstrdup(value(s, "nom"));
	a->untranscribed = !transcribed;
	a->title = dup_opt(s, "annexe");
	a->preamble = paragraphs(s, "preambule.#");
	a->means = dup_opt(s, "moyens");
	a->implementation = paragraphs(s, "modalites.#");
	a->operation = paragraphs(s, "fonctionnement.#");
	a->notes = paragraphs(s, "note.#");
	a->volume_note = dup_opt(s, "volumetrie");
}

static void read_subdomain(struct reader *r, struct annex *a,
			   const struct sec *s)
{
	struct subdomain *sd;
	struct numbered *acts, *heads;
	size_t n = collect(s, "activite.#", &acts);
	size_t nh = collect(s, "activite.#.rubrique", &heads);

	a->subdomains = xrealloc(a->subdomains,
				 (a->n_subdomains + 1) * sizeof *a->subdomains);
	sd = &a->subdomains[a->n_subdomains++];
	memset(sd, 0, sizeof *sd);
	sd->letter = xstrdup(s->letter);
	sd->name = xstrdup(value(s, "nom"));
	sd->note = dup_opt(s, "note");
	sd->activities = xcalloc(n ? n : 1, sizeof *sd->activities);
	for (size_t i = 0; i < n; i++) {
		if (!*acts[i].e->value)
			PROBLEM(r, acts[i].e->line, "activité vide");
		sd->activities[i].text = xstrdup(acts[i].e->value);
	}
	sd->n_activities = n;
	for (size_t h = 0; h < nh; h++) {
		size_t i;

		for (i = 0; i < n && acts[i].n != heads[h].n; i++)
			;
		if (i == n)
			PROBLEM(r, heads[h].e->line,
				"« %s » sans « activite.%d »", heads[h].e->key,
				heads[h].n);
		else if (*heads[h].e->value)
			sd->activities[i].heading = xstrdup(heads[h].e->value);
	}
	free(acts);
	free(heads);
}

static void read_role(struct reader *r, struct annex *a, const struct sec *s)
{
	struct role *ro;
	int side = vocab_from_file(side_vocab, SIDE_COUNT, value(s, "cote"));

	if (side < 0) {
		PROBLEM(r, line_of(s, "cote"),
			"côté « %s » inconnu (attendu : commune ou service commun)",
			value(s, "cote"));
		return;
	}
	a->roles = xrealloc(a->roles, (a->n_roles + 1) * sizeof *a->roles);
	ro = &a->roles[a->n_roles++];
	ro->side = (enum side)side;
	ro->title = xstrdup(value(s, "intitule"));
	ro->holder = xstrdup(value(s, "fonction"));
}

static void read_contact(struct reader *r, struct annex *a,
			 const struct sec *s)
{
	struct contact *c;

	if (s->letter && !has_subdomain(a, s->letter)) {
		PROBLEM(r, s->ini->line,
			"[%s] renvoie au sous-domaine %s, absent du domaine « %s »",
			s->ini->name, s->letter, s->domain);
		return;
	}
	a->contacts = xrealloc(a->contacts,
			       (a->n_contacts + 1) * sizeof *a->contacts);
	c = &a->contacts[a->n_contacts++];
	c->subdomain = xstrdup_or_null(s->letter);
	c->kind = (enum request_kind)s->kind;
	c->commune = xstrdup(value(s, "commune"));
	c->shared = xstrdup(value(s, "service_commun"));
}

static void add_item(struct annex *a, enum annex_item_kind kind,
		     const char *text, bool removed, int line)
{
	a->items = xrealloc(a->items, (a->n_items + 1) * sizeof *a->items);
	a->items[a->n_items].line = line;
	a->items[a->n_items].kind = kind;
	a->items[a->n_items].text = xstrdup(text);
	a->items[a->n_items].removed = removed;
	a->n_items++;
}

static void read_priorities(struct reader *r, struct annex *a,
			    const struct sec *s)
{
	struct numbered *pr, *st, *mu;
	size_t np = collect(s, "priorite.#", &pr);
	size_t ns = collect(s, "priorite.#.supprimee", &st);
	size_t nm = collect(s, "engagement.#", &mu);

	for (size_t i = 0; i < np; i++) {
		bool removed = false;

		if (!*pr[i].e->value)
			PROBLEM(r, pr[i].e->line, "priorité vide");
		for (size_t k = 0; k < ns; k++)
			if (st[k].n == pr[i].n)
				yes_no(r, s, st[k].e->key, &removed);
		add_item(a, ITEM_PRIORITY, pr[i].e->value, removed, pr[i].e->line);
	}
	for (size_t k = 0; k < ns; k++) {
		size_t i;

		for (i = 0; i < np && pr[i].n != st[k].n; i++)
			;
		if (i == np)
			PROBLEM(r, st[k].e->line, "« %s » sans « priorite.%d »",
				st[k].e->key, st[k].n);
	}
	for (size_t i = 0; i < nm; i++) {
		if (!*mu[i].e->value)
			PROBLEM(r, mu[i].e->line, "engagement vide");
		add_item(a, ITEM_MUTUAL_COMMITMENT, mu[i].e->value, false,
			 mu[i].e->line);
	}
	free(pr);
	free(st);
	free(mu);
}

static void read_committee(struct annex *a, const struct sec *s)
{
	struct committee *c;

	a->committees = xrealloc(a->committees,
				 (a->n_committees + 1) * sizeof *a->committees);
	c = &a->committees[a->n_committees++];
	c->name = xstrdup(value(s, "nom"));
	c->purpose = dup_opt(s, "objet");
	c->members_commune = dup_opt(s, "participants_commune");
	c->members_shared = dup_opt(s, "participants_service_commun");
	c->frequency = dup_opt(s, "frequence");
}

static void read_commitment(struct reader *r, struct annex *a,
			    const struct sec *s)
{
	struct commitment *c;
	const char *sd = value(s, "sous_domaine");

	if (sd && *sd && !has_subdomain(a, sd)) {
		PROBLEM(r, line_of(s, "sous_domaine"),
			"sous-domaine « %s » inconnu dans le domaine « %s »", sd,
			s->domain);
		return;
	}
	a->commitments = xrealloc(a->commitments,
				  (a->n_commitments + 1) * sizeof *a->commitments);
	c = &a->commitments[a->n_commitments++];
	c->code = xstrdup(s->num);
	c->subdomain = sd && *sd ? xstrdup(sd) : NULL;
	c->title = xstrdup(value(s, "intitule"));
}

static int vocab_value(struct reader *r, const struct sec *s, const char *key,
		       const struct vocab *v, int n, const char *what)
{
	const char *w = value(s, key);
	char list[256];
	int i;

	if (!w || !*w)
		return -1;
	i = vocab_from_file(v, n, w);
	if (i < 0)
		PROBLEM(r, line_of(s, key), "%s « %s » inconnu(e) (attendu : %s)",
			what, w, vocab_file_list(v, n, list, sizeof list));
	return i;
}

static bool parse_scale(const char *v, int *min, int *max)
{
	const char *dash = strchr(v, '-');
	char a[16], b[16];
	unsigned long x, y;
	size_t la;

	if (!dash)
		return false;
	la = (size_t)(dash - v);
	if (la == 0 || la >= sizeof a || strlen(dash + 1) >= sizeof b)
		return false;
	memcpy(a, v, la);
	a[la] = '\0';
	strcpy(b, dash + 1);
	if (number_parse_uint(text_trim(a), 1000, &x) != 0 ||
	    number_parse_uint(text_trim(b), 1000, &y) != 0 || x >= y)
		return false;
	*min = (int)x;
	*max = (int)y;
	return true;
}

static char *criticalities(struct reader *r, const struct sec *s)
{
	const char *v = value(s, "criticites");
	int line = line_of(s, "criticites");
	struct strbuf sb;
	char *copy, *tok, *save = NULL;
	char **seen = NULL;
	size_t count = 0;
	bool bad = false;

	if (!v || !*v)
		return NULL;
	strbuf_init(&sb);
	copy = xstrdup(v);
	for (tok = strtok_r(copy, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save)) {
		char *key;

		text_trim(tok);
		if (!*tok) {
			bad = true;
			continue;
		}
		/* distinct levels, whatever their case and accents: a
		 * request says "Critique" as well as "critique" */
		key = text_fold(tok);
		for (size_t k = 0; k < count; k++) {
			if (strcmp(seen[k], key) != 0)
				continue;
			PROBLEM(r, line, "« criticites » : le niveau « %s » "
				"répète un niveau déjà donné (la casse et les "
				"accents ne distinguent pas deux niveaux)", tok);
			bad = true;
		}
		seen = xrealloc(seen, (count + 1) * sizeof *seen);
		seen[count] = key;
		strbuf_addf(&sb, "%s%s", count ? ", " : "", tok);
		count++;
	}
	for (size_t k = 0; k < count; k++)
		free(seen[k]);
	free(seen);
	free(copy);
	if (bad || count < 2) {
		PROBLEM(r, line, "« criticites » attend au moins deux niveaux "
			"distincts séparés par des virgules");
		strbuf_release(&sb);
		return NULL;
	}
	return strbuf_detach(&sb);
}

static void read_indicator(struct reader *r, struct annex *a,
			   const struct sec *s)
{
	struct indicator *d;
	const char *eng = value(s, "engagement");
	int per, kind, better, calc = COMPUTED_NONE;
	int smin = 0, smax = 0;
	const char *scale = value(s, "echelle");

	if (!has_commitment(a, eng)) {
		PROBLEM(r, line_of(s, "engagement"),
			"engagement « %s » inconnu dans le domaine « %s » "
			"(il faut une section [engagement %s/%s])", eng,
			s->domain, s->domain, eng);
		return;
	}
	for (const char *const *k = (const char *const[]){ "type_valeur",
							       "meilleur", NULL };
	     *k; k++)
		if (!value(s, *k) || !*value(s, *k)) {
			PROBLEM(r, s->ini->line, "clé obligatoire « %s » "
				"manquante ou vide dans [%s] (ni dans son "
				"[choix])", *k, s->ini->name);
			return;
		}
	per = vocab_value(r, s, "periodicite", periodicity_vocab,
			  PERIODICITY_COUNT, "périodicité");
	kind = vocab_value(r, s, "type_valeur", value_kind_vocab,
			   VALUE_KIND_COUNT, "type de valeur");
	better = vocab_value(r, s, "meilleur", better_vocab, BETTER_COUNT,
			     "sens");
	if (value(s, "calcul")) {
		calc = vocab_value(r, s, "calcul", computed_vocab,
				   COMPUTED_COUNT, "calcul");
		if (calc < 0)
			return;
	}
	if (per < 0 || kind < 0 || better < 0)
		return;
	if (kind == VALUE_LEVEL) {
		if (!scale) {
			PROBLEM(r, s->ini->line,
				"un indicateur de type « niveau » demande une "
				"« echelle » (par exemple 0-5)");
			return;
		}
		if (!parse_scale(scale, &smin, &smax)) {
			PROBLEM(r, line_of(s, "echelle"),
				"échelle « %s » invalide (attendu MIN-MAX, par "
				"exemple 0-5)", scale);
			return;
		}
	} else if (scale) {
		PROBLEM(r, line_of(s, "echelle"),
			"« echelle » ne vaut que pour le type « niveau »");
		return;
	}
	if ((better == BETTER_YES) != (kind == VALUE_YES_NO) &&
	    !(kind == VALUE_YES_NO && better == BETTER_NONE)) {
		PROBLEM(r, line_of(s, "meilleur"),
			kind == VALUE_YES_NO
				? "un indicateur oui/non a pour sens « oui » ou « aucun »"
				: "le sens « oui » ne vaut que pour le type « oui_non »");
		return;
	}
	if (kind == VALUE_TEXT && better != BETTER_NONE) {
		PROBLEM(r, line_of(s, "meilleur"),
			"un indicateur de type « texte » a pour sens « aucun »");
		return;
	}
	a->indicators = xrealloc(a->indicators,
				 (a->n_indicators + 1) * sizeof *a->indicators);
	d = &a->indicators[a->n_indicators++];
	memset(d, 0, sizeof *d);
	d->code = xstrdup(s->num);
	d->commitment = xstrdup(eng);
	d->label = xstrdup(value(s, "intitule"));
	d->definition = dup_opt(s, "definition");
	d->periodicity = (enum periodicity)per;
	d->source = xstrdup(value(s, "source"));
	d->baseline = dup_opt(s, "niveau_constate");
	d->conditions = dup_opt(s, "conditions");
	d->value_kind = (enum value_kind)kind;
	d->unit = dup_opt(s, "unite");
	d->scale_min = smin;
	d->scale_max = smax;
	d->better = (enum better)better;
	d->criticalities = criticalities(r, s);
	d->computed_from = calc;
}

static void read_article(struct contract_doc *doc, const struct sec *s)
{
	struct article *a;

	doc->articles = xrealloc(doc->articles,
				 (doc->n_articles + 1) * sizeof *doc->articles);
	a = &doc->articles[doc->n_articles++];
	a->number = s->n;
	a->title = xstrdup(value(s, "titre"));
	a->summary = xstrdup(value(s, "resume"));
	a->text = paragraphs(s, "texte.#");
}

static bool listed(char *const *codes, size_t n, const char *code)
{
	for (size_t k = 0; k < n; k++)
		if (!strcmp(codes[k], code))
			return true;
	return false;
}

/* Each domain an amendment gives is in exactly one of « remplace » and
 * « ajoute », and each code of those has its [domaine CODE]. Whether the
 * contract has the domain is the importer's question. */
static void check_amendment_domains(struct reader *r, struct contract_doc *doc)
{
	for (size_t k = 0; k < doc->n_replaces; k++) {
		if (!annex_of(doc, doc->replaces[k]))
			PROBLEM(r, doc->line_replaces,
				"l'avenant remplace l'annexe « %s » mais ne la "
				"donne pas (section [domaine %s] absente)",
				doc->replaces[k], doc->replaces[k]);
		if (listed(doc->adds, doc->n_adds, doc->replaces[k]))
			PROBLEM(r, doc->line_adds,
				"« %s » est à la fois dans « remplace » et dans "
				"« ajoute » : un avenant remplace l'annexe d'un "
				"domaine du contrat, ou ajoute un domaine nouveau",
				doc->replaces[k]);
	}
	for (size_t k = 0; k < doc->n_adds; k++)
		if (!annex_of(doc, doc->adds[k]))
			PROBLEM(r, doc->line_adds,
				"l'avenant ajoute le domaine « %s » mais n'en donne "
				"pas l'annexe (section [domaine %s] absente)",
				doc->adds[k], doc->adds[k]);
	for (size_t k = 0; k < doc->n_annexes; k++) {
		const struct annex *a = &doc->annexes[k];

		if (!listed(doc->replaces, doc->n_replaces, a->domain_code) &&
		    !listed(doc->adds, doc->n_adds, a->domain_code))
			PROBLEM(r, doc->line_header,
				"le domaine « %s » est donné mais n'est ni dans "
				"« remplace » ni dans « ajoute »", a->domain_code);
	}
}

/* The [choix] section of an indicator (domain, num) or, both NULL, of
 * the contract; NULL when none. */
static const struct sec *find_choice(const struct reader *r,
				     const char *domain, const char *num)
{
	for (size_t i = 0; i < r->n_secs; i++) {
		const struct sec *c = &r->secs[i];

		if (!c->ok || c->type != S_CHOICE)
			continue;
		if (!domain ? !c->domain
			    : c->domain && !strcmp(c->domain, domain) &&
				      !strcmp(c->num, num))
			return c;
	}
	return NULL;
}

/* A section seen with the entries of its [choix] after its own: the
 * entries are the file's, only the array is the view's. */
struct view {
	struct sec sec;
	struct ini_section ini;
};

static const struct sec *with_choice(struct reader *r, const struct sec *s,
				     const struct sec *c, struct view *v,
				     char **choices)
{
	struct strbuf keys;

	*choices = NULL;
	v->ini.entries = NULL;
	if (!c)
		return s;
	v->sec = *s;
	v->ini = *s->ini;
	v->ini.entries = xmalloc((s->ini->n + c->ini->n) *
				 sizeof *v->ini.entries);
	memcpy(v->ini.entries, s->ini->entries,
	       s->ini->n * sizeof *v->ini.entries);
	strbuf_init(&keys);
	for (size_t i = 0; i < c->ini->n; i++) {
		const struct ini_entry *e = &c->ini->entries[i];

		if (ini_get(s->ini, e->key)) {
			PROBLEM(r, e->line,
				"« %s » est à la fois dans [%s] et dans [%s] : "
				"c'est le texte du contrat ou un choix du suivi, "
				"pas les deux", e->key, s->ini->name,
				c->ini->name);
			continue;
		}
		v->ini.entries[v->ini.n++] = *e;
		strbuf_addf(&keys, "%s%s", keys.len ? ", " : "", e->key);
	}
	v->ini.cap = v->ini.n;
	v->sec.ini = &v->ini;
	if (keys.len)
		*choices = strbuf_detach(&keys);
	else
		strbuf_release(&keys);
	return &v->sec;
}

static bool in_list(const char *const *list, const char *key)
{
	for (; *list; list++)
		if (!strcmp(*list, key))
			return true;
	return false;
}

/* A [choix] names a section of this file, and holds only the keys of
 * its kind: header facts for [choix], attributes for [choix CODE/NUM]. */
static void check_choice(struct reader *r, const struct contract_doc *doc,
			 const struct sec *c)
{
	const char *const *allowed = c->domain ? indicator_choice_keys
					       : contract_choice_keys;
	bool found = false;

	if (!c->domain && doc->kind == DOC_AMENDMENT) {
		PROBLEM(r, c->ini->line, "[choix] sans numéro ne va que dans "
			"un contrat (les faits de son en-tête)");
		return;
	}
	for (size_t i = 0; c->domain && i < r->n_secs && !found; i++)
		found = r->secs[i].ok && r->secs[i].type == S_INDICATOR &&
			!strcmp(r->secs[i].domain, c->domain) &&
			!strcmp(r->secs[i].num, c->num);
	if (c->domain && !found)
		PROBLEM(r, c->ini->line, "[%s] : pas de section [indicateur "
			"%s/%s] dans ce fichier", c->ini->name, c->domain,
			c->num);
	for (size_t i = 0; i < c->ini->n; i++) {
		const struct ini_entry *e = &c->ini->entries[i];

		if (in_list(allowed, e->key))
			continue;
		PROBLEM(r, e->line, c->domain
			? "« %s » n'est pas un attribut d'indicateur : [%s] "
			  "prend type_valeur, unite, echelle, meilleur, "
			  "criticites, calcul"
			: "« %s » n'est pas un fait d'en-tête : [%s] prend "
			  "insee, debut, signature, duree",
			e->key, c->ini->name);
	}
	for (size_t i = 0; i < r->n_secs; i++) {
		const struct sec *o = &r->secs[i];

		if (o < c && o->ok && o->type == S_CHOICE &&
		    !o->domain == !c->domain &&
		    (!c->domain || (!strcmp(o->domain, c->domain) &&
				    !strcmp(o->num, c->num))))
			PROBLEM(r, c->ini->line, "[%s] répétée", c->ini->name);
	}
}

/* Sections of one type, in file order, through fn. */
#define EACH(r, t) \
	for (size_t i_ = 0; i_ < (r)->n_secs; i_++) \
		if ((r)->secs[i_].ok && (r)->secs[i_].type == (t))

static void build(struct reader *r, struct contract_doc *doc)
{
	const struct sec *head = &r->secs[0];
	struct annex *a;

	/* An unknown key in the header does not stop reading it: every
	 * other problem of the file is still reported. */
	if (head->complete) {
		struct view v;
		char *choices;
		const struct sec *h = with_choice(
			r, head, head->type == S_CONTRACT
					 ? find_choice(r, NULL, NULL) : NULL,
			&v, &choices);

		read_header(r, doc, h);
		doc->choices = choices;
		free(v.ini.entries);
	} else
		doc->kind = head->type == S_CONTRACT ? DOC_CONTRACT
						     : DOC_AMENDMENT;
	for (size_t i = 1; i < r->n_secs; i++) {
		const struct sec *s = &r->secs[i];

		if (s->type == S_CONTRACT || s->type == S_AMENDMENT)
			PROBLEM(r, s->ini->line,
				"[%s] ne peut venir qu'une fois, en tête du fichier",
				specs[s->type].type);
		if (s->type == S_ARTICLE && doc->kind == DOC_AMENDMENT)
			PROBLEM(r, s->ini->line,
				"un avenant ne contient pas de [article] : il "
				"remplace des annexes");
	}
	/* Order of reading matters for references, not the file's order. */
	EACH(r, S_DOMAIN) read_domain(r, doc, &r->secs[i_]);
	EACH(r, S_ARTICLE) read_article(doc, &r->secs[i_]);
	EACH(r, S_SUBDOMAIN) if ((a = annex_for(r, doc, &r->secs[i_])))
		read_subdomain(r, a, &r->secs[i_]);
	EACH(r, S_ROLE) if ((a = annex_for(r, doc, &r->secs[i_])))
		read_role(r, a, &r->secs[i_]);
	EACH(r, S_CONTACT) if ((a = annex_for(r, doc, &r->secs[i_])))
		read_contact(r, a, &r->secs[i_]);
	EACH(r, S_PRIORITIES) if ((a = annex_for(r, doc, &r->secs[i_])))
		read_priorities(r, a, &r->secs[i_]);
	EACH(r, S_COMMITTEE) if ((a = annex_for(r, doc, &r->secs[i_])))
		read_committee(a, &r->secs[i_]);
	EACH(r, S_COMMITMENT) if ((a = annex_for(r, doc, &r->secs[i_])))
		read_commitment(r, a, &r->secs[i_]);
	EACH(r, S_INDICATOR) if ((a = annex_for(r, doc, &r->secs[i_]))) {
		const struct sec *ind = &r->secs[i_];
		struct view v;
		char *choices;
		const struct sec *s = with_choice(
			r, ind, find_choice(r, ind->domain, ind->num), &v,
			&choices);
		size_t before = a->n_indicators;

		read_indicator(r, a, s);
		if (a->n_indicators > before)
			a->indicators[before].choices = choices;
		else
			free(choices);
		free(v.ini.entries);
	}
	EACH(r, S_CHOICE) check_choice(r, doc, &r->secs[i_]);

	if (doc->kind == DOC_AMENDMENT && head->complete)
		check_amendment_domains(r, doc);
}

int contract_file_read(const char *path, struct contract_doc **out,
		       struct diag_list *diags)
{
	struct reader r = { .path = path, .diags = diags, .before = diags->n };
	struct ini_file f;
	struct contract_doc *doc = NULL;

	*out = NULL;
	if (ini_read(path, &f, diags) != 0)
		goto out;
	classify(&r, &f);
	if (f.n == 0) {
		PROBLEM(&r, 0, "fichier vide : il doit commencer par [contrat] "
			"ou [avenant]");
		goto out;
	}
	if (r.secs[0].type != S_CONTRACT && r.secs[0].type != S_AMENDMENT) {
		PROBLEM(&r, r.secs[0].ini->line,
			"le fichier doit commencer par [contrat] ou [avenant]");
		goto out;
	}
	doc = xcalloc(1, sizeof *doc);
	doc->path = xstrdup(path);
	build(&r, doc);
	if (problems(&r) || !r.secs[0].ok) {
		contract_doc_free(doc);
		doc = NULL;
		goto out;
	}
	doc->source = f.text;
	f.text = NULL;
	*out = doc;
out:
	release_secs(&r);
	ini_file_release(&f);
	return *out ? 0 : -1;
}
