#include "suivi/contract.h"

#include "suivi/text.h"
#include "suivi/xalloc.h"

#include <stdlib.h>
#include <string.h>

static void annex_release(struct annex *a)
{
	free(a->domain_code);
	free(a->domain_name);
	free(a->title);
	free(a->preamble);
	free(a->means);
	free(a->implementation);
	free(a->operation);
	free(a->notes);
	free(a->volume_note);
	for (size_t i = 0; i < a->n_subdomains; i++) {
		struct subdomain *s = &a->subdomains[i];

		free(s->letter);
		free(s->name);
		free(s->note);
		for (size_t k = 0; k < s->n_activities; k++) {
			free(s->activities[k].heading);
			free(s->activities[k].text);
		}
		free(s->activities);
	}
	free(a->subdomains);
	for (size_t i = 0; i < a->n_roles; i++) {
		free(a->roles[i].title);
		free(a->roles[i].holder);
	}
	free(a->roles);
	for (size_t i = 0; i < a->n_contacts; i++) {
		free(a->contacts[i].subdomain);
		free(a->contacts[i].commune);
		free(a->contacts[i].shared);
	}
	free(a->contacts);
	for (size_t i = 0; i < a->n_items; i++)
		free(a->items[i].text);
	free(a->items);
	for (size_t i = 0; i < a->n_committees; i++) {
		struct committee *c = &a->committees[i];

		free(c->name);
		free(c->purpose);
		free(c->members_commune);
		free(c->members_shared);
		free(c->frequency);
	}
	free(a->committees);
	for (size_t i = 0; i < a->n_commitments; i++) {
		free(a->commitments[i].code);
		free(a->commitments[i].subdomain);
		free(a->commitments[i].title);
	}
	free(a->commitments);
	for (size_t i = 0; i < a->n_indicators; i++)
		indicator_release(&a->indicators[i]);
	free(a->indicators);
}

void indicator_release(struct indicator *d)
{
	if (!d)
		return;
	free(d->uid);
	free(d->code);
	free(d->commitment);
	free(d->label);
	free(d->definition);
	free(d->source);
	free(d->baseline);
	free(d->conditions);
	free(d->unit);
	free(d->criticalities);
	free(d->choices);
	memset(d, 0, sizeof *d);
}

void annex_free(struct annex *a)
{
	if (!a)
		return;
	annex_release(a);
	free(a);
}

void contract_doc_free(struct contract_doc *doc)
{
	if (!doc)
		return;
	free(doc->path);
	free(doc->source);
	free(doc->identifier);
	free(doc->commune);
	free(doc->insee);
	free(doc->title);
	free(doc->starts_on);
	free(doc->signed_on);
	free(doc->duration);
	free(doc->metropole_signatory);
	free(doc->mayor_signatory);
	free(doc->preamble);
	free(doc->choices);
	for (size_t i = 0; i < doc->n_articles; i++) {
		free(doc->articles[i].title);
		free(doc->articles[i].summary);
		free(doc->articles[i].text);
	}
	free(doc->articles);
	free(doc->contract_identifier);
	free(doc->in_force_from);
	free(doc->object);
	for (size_t i = 0; i < doc->n_replaces; i++)
		free(doc->replaces[i]);
	free(doc->replaces);
	for (size_t i = 0; i < doc->n_adds; i++)
		free(doc->adds[i]);
	free(doc->adds);
	diag_list_release(&doc->warnings);
	for (size_t i = 0; i < doc->n_annexes; i++)
		annex_release(&doc->annexes[i]);
	free(doc->annexes);
	free(doc);
}

size_t contract_levels(const char *list, char ***out)
{
	size_t n = 0, cap = 0;
	const char *p = list;

	*out = NULL;
	while (p && *p) {
		const char *end = strchr(p, ',');
		char *t = end ? xstrndup(p, (size_t)(end - p)) : xstrdup(p);

		if (*text_trim(t)) {
			*out = xgrow(*out, &cap, n + 1, sizeof **out);
			(*out)[n++] = t;
		} else {
			free(t);
		}
		p = end ? end + 1 : NULL;
	}
	return n;
}

void contract_levels_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}
