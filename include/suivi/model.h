/*
 * model.h - the closed vocabularies of the contract model.
 *
 * Each enumeration has one table giving, per value, the code stored in the
 * database (English, stable), the word used in contract files (French, as
 * a person writes it) and the label shown to users. Lookups return -1 for
 * an unknown word. The tables are the only place these words are spelled.
 */
#ifndef SUIVI_MODEL_H
#define SUIVI_MODEL_H

enum value_kind {
	VALUE_YES_NO,
	VALUE_COUNT,
	VALUE_PERCENT,
	VALUE_RATIO,
	VALUE_WORKLOAD,		/* planned / actual person-days */
	VALUE_HOURS,
	VALUE_DAYS,
	VALUE_LEVEL,
	VALUE_TEXT,
	VALUE_KIND_COUNT
};

enum periodicity {
	PERIOD_MONTHLY,
	PERIOD_QUARTERLY,
	PERIOD_ANNUAL,
	PERIOD_MONTHLY_OR_QUARTERLY,
	PERIODICITY_COUNT
};

enum better {
	BETTER_HIGHER,
	BETTER_LOWER,
	BETTER_YES,
	BETTER_NONE,
	BETTER_COUNT
};

enum request_kind {
	REQUEST_ORDINARY,
	REQUEST_URGENT,
	REQUEST_EXCEPTIONAL,
	REQUEST_KIND_COUNT
};

enum side {
	SIDE_COMMUNE,
	SIDE_SHARED,		/* the Métropole's shared service */
	SIDE_COUNT
};

enum computed_from {
	COMPUTED_NONE = -1,
	COMPUTED_ACK_DELAY,
	COMPUTED_RESOLUTION_DELAY,
	COMPUTED_INTERVENTION_DELAY,
	COMPUTED_RESTORE_DELAY,
	COMPUTED_TREATED_RATIO,
	COMPUTED_COUNT
};

/* What article 4 says of each kind of request (French, for display). */
extern const char *const request_kind_definition[REQUEST_KIND_COUNT];

/* Article 4: the three levels of arbitration of a disagreement. */
#define ARBITRATION_LEVELS 3
extern const char *const arbitration_level_label[ARBITRATION_LEVELS];

/* Article 5: meetings and the annual evaluation. */
#define CADENCE_FIRST_YEAR_MONTHS 1	/* monthly the first year */
#define CADENCE_AFTER_MONTHS 3		/* at least quarterly after */
#define CADENCE_MAYORS_PER_YEAR 2	/* at least two a year with Mayors */
#define EVALUATION_DEADLINE_MONTH 3	/* by 31 March of the next year */
#define EVALUATION_DEADLINE_DAY 31

struct vocab {
	const char *db;		/* stored in the database */
	const char *file;	/* written in contract files */
	const char *label;	/* shown to users */
};

extern const struct vocab value_kind_vocab[VALUE_KIND_COUNT];
extern const struct vocab periodicity_vocab[PERIODICITY_COUNT];
extern const struct vocab better_vocab[BETTER_COUNT];
extern const struct vocab request_kind_vocab[REQUEST_KIND_COUNT];
extern const struct vocab side_vocab[SIDE_COUNT];
extern const struct vocab computed_vocab[COMPUTED_COUNT];

/* Index of the entry whose .file (or .db) equals word, or -1. */
int vocab_from_file(const struct vocab *v, int n, const char *word);
int vocab_from_db(const struct vocab *v, int n, const char *word);
/* "a, b, c" of the .file words, for error messages. */
const char *vocab_file_list(const struct vocab *v, int n, char *buf,
			    unsigned size);

#endif
