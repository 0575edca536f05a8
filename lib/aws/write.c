/* The aws members of a result (SPEC section 4): schedules, invalid, and
 * the infeasible report of lexicographic (SPEC section 9). */
#include <stdio.h>

#include "aws.h"

void aws_write_schedule(sb_jw *w, const senbid_problem *p,
                        const aws_hols *h, uint32_t emp, const aws_sched *s) {
  const aws_data *d = p->kind_data;
  const aws_emp *e = &d->emps[emp];
  sb_jw_obj(w);
  SB_JW_KEY(w, "employee");
  sb_jw_str(w, p->emps[emp].id);
  SB_JW_KEY(w, "type");
  sb_jw_str(w, aws_type_names[s->type]);
  SB_JW_KEY(w, "option");
  if (s->option >= 0) sb_jw_int(w, s->option);
  else sb_jw_null(w);
  SB_JW_KEY(w, "reason");
  sb_jw_str(w, aws_reason_names[s->reason]);
  SB_JW_KEY(w, "effective");
  sb_jw_date(w, d->effective);
  SB_JW_KEY(w, "arrive");
  if (s->arrive >= 0) sb_jw_time(w, s->arrive);
  else sb_jw_null(w);
  SB_JW_KEY(w, "depart");
  if (s->depart >= 0) sb_jw_time(w, s->depart);
  else sb_jw_null(w);
  SB_JW_KEY(w, "days_off");
  sb_jw_arr(w);
  for (int wk = 1; wk <= 2; wk++)
    for (int wd = 0; wd < 7; wd++)
      if (s->off & AWS_BIT(wk, wd)) {
        sb_jw_obj(w);
        SB_JW_KEY(w, "week");
        sb_jw_int(w, wk);
        SB_JW_KEY(w, "day");
        sb_jw_str(w, sb_weekday_name(wd));
        sb_jw_obj_end(w);
      }
  sb_jw_arr_end(w);
  SB_JW_KEY(w, "telework");
  sb_jw_arr(w);
  if (e->req != AWS_NONE) {
    const aws_req *q = &d->reqs[e->req];
    for (uint32_t i = 0; i < q->ntele; i++)
      if (s->tele & (1u << i)) sb_jw_str(w, sb_weekday_name(q->telework[i]));
  }
  sb_jw_arr_end(w);
  SB_JW_KEY(w, "in_lieu");
  sb_jw_arr(w);
  sb_day hol[AWS_MAX_IN_LIEU], il[AWS_MAX_IN_LIEU];
  size_t n = aws_rule_in_lieu(d, h, e, s->off, hol, il, AWS_MAX_IN_LIEU);
  for (size_t i = 0; i < n && i < AWS_MAX_IN_LIEU; i++) {
    sb_jw_obj(w);
    SB_JW_KEY(w, "holiday");
    sb_jw_date(w, hol[i]);
    SB_JW_KEY(w, "date");
    sb_jw_date(w, il[i]);
    sb_jw_obj_end(w);
  }
  sb_jw_arr_end(w);
  sb_jw_obj_end(w);
}

void aws_write_invalid(sb_jw *w, const senbid_problem *p, const sb_vec *inv) {
  char lim[40];
  SB_JW_KEY(w, "invalid");
  sb_jw_arr(w);
  for (size_t i = 0; i < inv->len; i++) {
    const aws_inval *v = &SB_VEC_AT(inv, aws_inval, i);
    sb_jw_obj(w);
    SB_JW_KEY(w, "employee");
    sb_jw_str(w, p->emps[v->emp].id);
    SB_JW_KEY(w, "option");
    sb_jw_uint(w, v->option);
    SB_JW_KEY(w, "reason");
    sb_jw_str(w, aws_reason_names[v->reason]);
    if (v->lim.kind != AWS_LIM_NONE) {
      aws_limit_name(v->lim, lim, sizeof lim);
      SB_JW_KEY(w, "limit");
      sb_jw_str(w, lim);
    }
    SB_JW_KEY(w, "message");
    sb_jw_str(w, v->msg);
    sb_jw_obj_end(w);
  }
  sb_jw_arr_end(w);
}

/* SPEC section 9: the minimums cannot all be met from the start. */
void aws_write_infeasible(sb_out *o, const aws_data *d,
                          const int64_t maxp[AWS_NTYPES]) {
  sb_jw *w = &o->w;
  bool alone = false;
  for (int t = 0; t < AWS_NTYPES; t++)
    if (d->min_type[t] > 0 && maxp[t] < d->min_type[t]) alone = true;
  char list[128] = "";
  size_t len = 0;
  SB_JW_KEY(w, "effective");
  sb_jw_date(w, d->effective);
  SB_JW_KEY(w, "schedules");
  sb_jw_arr(w);
  sb_jw_arr_end(w);
  SB_JW_KEY(w, "invalid");
  sb_jw_arr(w);
  sb_jw_arr_end(w);
  SB_JW_KEY(w, "infeasible");
  sb_jw_arr(w);
  for (int t = 0; t < AWS_NTYPES; t++) {
    if (d->min_type[t] <= 0) continue;
    /* The types whose bound alone fails; when only the bounds together
     * fail, every bounded type. */
    if (alone && maxp[t] >= d->min_type[t]) continue;
    sb_jw_obj(w);
    SB_JW_KEY(w, "type");
    sb_jw_str(w, aws_type_names[t]);
    SB_JW_KEY(w, "min");
    sb_jw_int(w, d->min_type[t]);
    SB_JW_KEY(w, "max_possible");
    sb_jw_int(w, maxp[t]);
    sb_jw_obj_end(w);
    int n = snprintf(list + len, sizeof list - len, "%s%s", len ? ", " : "",
                     aws_type_names[t]);
    if (n > 0 && (size_t)n < sizeof list - len) len += (size_t)n;
  }
  sb_jw_arr_end(w);
  sb_audit(o, NULL, "infeasible", AWS_C_PASS,
           "office.min_type cannot all be met: %s", list);
  o->status = "infeasible";
  o->outcome = SENBID_OUTCOME_INFEASIBLE;
}
