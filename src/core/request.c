#include "suivi/request.h"
#include "suivi/value.h"
#include "suivi/workdays.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>

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

int request_urgent_delay_parse(const char *s, int *minutes, struct err *e)
{
	static const struct value_spec hours = { .kind = VALUE_HOURS };
	struct value v;
	struct err why;
	double m;

	if (value_parse(&hours, s, &v, &why) != 0) {
		err_set(e, ERR_INPUT, "délai d'intervention « %s » : %s (une "
			"durée en heures : 4, 4 h, 2h30)", s ? s : "", why.msg);
		return -1;
	}
	m = v.num * 60;
	value_release(&v);
	if (m > REQUEST_URGENT_DELAY_MAX_H * 60.0) {
		/* REQUEST_URGENT_DELAY_MAX_H, as French writes it */
		err_set(e, ERR_INPUT, "délai d'intervention « %s » : au plus "
			"8 760 h (un an)", s);
		return -1;
	}
	if (fabs(m - round(m)) > 1e-6) {
		err_set(e, ERR_INPUT, "délai d'intervention « %s » : il se "
			"compte en minutes entières (2h30, pas 2,51 h)", s);
		return -1;
	}
	if (round(m) < 1) {
		err_set(e, ERR_INPUT, "délai d'intervention « %s » : il est "
			"d'au moins une minute (0h01)", s);
		return -1;
	}
	*minutes = (int)round(m);
	return 0;
}

void request_urgent_delay_format(int minutes, char *buf, size_t n)
{
	if (minutes % 60 == 0)
		snprintf(buf, n, "%d h", minutes / 60);
	else
		snprintf(buf, n, "%dh%02d", minutes / 60, minutes % 60);
}
