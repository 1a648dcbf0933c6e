#include "suivi/request.h"
#include "suivi/workdays.h"

#include <stddef.h>

const struct vocab request_status_vocab[REQ_STATUS_COUNT] = {
	[REQ_NEW] = { "new", "nouvelle", "nouvelle" },
	[REQ_ACKNOWLEDGED] = { "acknowledged", "prise_en_compte",
			       "prise en compte" },
	[REQ_IN_PROGRESS] = { "in_progress", "en_cours", "en cours" },
	[REQ_RESOLVED] = { "resolved", "resolue", "résolue" },
	[REQ_CLOSED] = { "closed", "close", "close" },
	[REQ_CANCELLED] = { "cancelled", "annulee", "annulée" },
};

const struct vocab request_form_vocab[FORM_COUNT] = {
	[FORM_LETTER] = { "letter", "courrier", "courrier" },
	[FORM_NOTE] = { "note", "note", "note" },
	[FORM_EMAIL] = { "email", "courriel", "courriel" },
	[FORM_PHONE] = { "phone", "telephone", "téléphone" },
	[FORM_ORAL] = { "oral", "orale", "orale" },
	[FORM_SHARED_TOOL] = { "shared_tool", "outil", "outil partagé" },
};

const struct vocab request_nature_vocab[NATURE_COUNT] = {
	[NATURE_DEMAND] = { "demand", "demande", "demande" },
	[NATURE_INCIDENT] = { "incident", "incident", "incident" },
};

const char *const request_criticality[CRITICALITY_COUNT] = {
	"critique", "majeure", "mineure",
};

/* Article 4: « En cas de demande exceptionnelle non prévue au contrat, la
 * commune prend contact avec l’adjoint au directeur général des
 * territoires en charge du pôle territorial. » */
const char request_exceptional_contact[] =
	"Adjoint au directeur général des territoires en charge du pôle "
	"territorial";

static bool set(const char *s)
{
	return s && *s;
}

/* The last step reached wins; a cancellation overrides them all. The
 * store's list filter spells the same order in SQL (request_log.c). */
enum request_status request_status(const struct request_dates *d)
{
	if (set(d->cancelled))
		return REQ_CANCELLED;
	if (set(d->answered))
		return REQ_CLOSED;
	if (set(d->resolved))
		return REQ_RESOLVED;
	if (set(d->intervention))
		return REQ_IN_PROGRESS;
	if (set(d->acknowledged))
		return REQ_ACKNOWLEDGED;
	return REQ_NEW;
}

bool request_delay(const char *from, const char *to, double *hours,
		   double *workdays)
{
	struct datetime a, b;

	if (!from || !to || datetime_parse(from, &a) != 0 ||
	    datetime_parse(to, &b) != 0)
		return false;
	if (hours)
		*hours = datetime_hours_between(a, b);
	if (workdays)
		*workdays = datetime_workdays_between(a, b);
	return true;
}
