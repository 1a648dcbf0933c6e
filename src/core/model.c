#include "suivi/model.h"

#include <stdio.h>
#include <string.h>

const struct vocab value_kind_vocab[VALUE_KIND_COUNT] = {
	[VALUE_YES_NO] = { "yes_no", "oui_non", "oui / non" },
	[VALUE_COUNT] = { "count", "nombre", "nombre" },
	[VALUE_PERCENT] = { "percent", "pourcentage", "pourcentage" },
	[VALUE_RATIO] = { "ratio", "ratio", "ratio a/b" },
	[VALUE_WORKLOAD] = { "workload", "charge", "charge prévue / réalisée (j*h)" },
	[VALUE_HOURS] = { "hours", "duree_heures", "durée en heures" },
	[VALUE_DAYS] = { "days", "duree_jours", "durée en jours" },
	[VALUE_LEVEL] = { "level", "niveau", "niveau sur une échelle" },
	[VALUE_TEXT] = { "text", "texte", "texte" },
};

const struct vocab periodicity_vocab[PERIODICITY_COUNT] = {
	[PERIOD_MONTHLY] = { "monthly", "mensuelle", "mensuelle" },
	[PERIOD_QUARTERLY] = { "quarterly", "trimestrielle", "trimestrielle" },
	[PERIOD_ANNUAL] = { "annual", "annuelle", "annuelle" },
	[PERIOD_MONTHLY_OR_QUARTERLY] = { "monthly_or_quarterly",
		"mensuelle ou trimestrielle", "mensuelle ou trimestrielle" },
};

const struct vocab better_vocab[BETTER_COUNT] = {
	[BETTER_HIGHER] = { "higher", "hausse", "plus haut est meilleur" },
	[BETTER_LOWER] = { "lower", "baisse", "plus bas est meilleur" },
	[BETTER_YES] = { "yes", "oui", "oui est meilleur" },
	[BETTER_NONE] = { "none", "aucun", "sans sens" },
};

const struct vocab request_kind_vocab[REQUEST_KIND_COUNT] = {
	[REQUEST_ORDINARY] = { "ordinary", "ordinaire", "ordinaire" },
	[REQUEST_URGENT] = { "urgent", "urgence", "en urgence" },
	[REQUEST_EXCEPTIONAL] = { "exceptional", "exceptionnelle",
				  "exceptionnelle" },
};

const struct vocab side_vocab[SIDE_COUNT] = {
	[SIDE_COMMUNE] = { "commune", "commune", "commune" },
	[SIDE_SHARED] = { "shared", "service commun", "service commun" },
};

const struct vocab computed_vocab[COMPUTED_COUNT] = {
	[COMPUTED_ACK_DELAY] = { "ack_delay", "delai_prise_en_compte",
				 "délai de prise en compte" },
	[COMPUTED_RESOLUTION_DELAY] = { "resolution_delay", "delai_resolution",
					"délai de résolution" },
	[COMPUTED_INTERVENTION_DELAY] = { "intervention_delay",
		"delai_intervention", "délai d'intervention" },
	[COMPUTED_RESTORE_DELAY] = { "restore_delay",
		"delai_remise_en_service", "délai de remise en service" },
	[COMPUTED_TREATED_RATIO] = { "treated_ratio", "traitees_sur_recues",
				     "demandes traitées / reçues" },
};

const char *const request_kind_definition[REQUEST_KIND_COUNT] = {
	[REQUEST_ORDINARY] = "la saisine de droit commun, dans le "
		"fonctionnement normal du service, à laquelle répond "
		"l'organisation de travail planifiée des services communs",
	[REQUEST_URGENT] = "un évènement ponctuel et non prévisible qui "
		"demande une très grande réactivité : priorité et délai "
		"d'intervention spécifiques",
	[REQUEST_EXCEPTIONAL] = "hors du champ du contrat et ponctuelle : la "
		"commune prend contact avec l'adjoint au directeur général des "
		"territoires en charge du pôle territorial, qui peut proposer "
		"d'adapter l'organisation usuelle des moyens",
};

const char *const arbitration_level_label[ARBITRATION_LEVELS] = {
	"les autorités hiérarchiques (directeur général des services de la "
	"commune, directeurs généraux adjoints, adjoint au directeur général "
	"des territoires en charge du pôle territorial) cherchent un compromis",
	"les directeurs généraux trouvent une solution",
	"en dernier recours, le Maire et le Président",
};

int vocab_from_file(const struct vocab *v, int n, const char *word)
{
	for (int i = 0; i < n; i++)
		if (strcmp(v[i].file, word) == 0)
			return i;
	return -1;
}

int vocab_from_db(const struct vocab *v, int n, const char *word)
{
	for (int i = 0; i < n; i++)
		if (strcmp(v[i].db, word) == 0)
			return i;
	return -1;
}

const char *vocab_file_list(const struct vocab *v, int n, char *buf,
			    unsigned size)
{
	size_t len = 0;

	buf[0] = '\0';
	for (int i = 0; i < n && len < size; i++) {
		int w = snprintf(buf + len, size - len, "%s%s", i ? ", " : "",
				 v[i].file);
		if (w < 0)
			break;
		len += (size_t)w;
	}
	return buf;
}
