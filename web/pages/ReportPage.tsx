// The monthly report (/report/YYYY-MM): a month picker, the report as the server renders it (the
// same HTML as the CLI's file and the PDF), print and download. /report goes to the latest
// complete month. Printing hides the dashboard shell, so the pages come out as the PDF does.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, type ReactNode } from 'react';
import { PageHeader } from '../components/common/PageHeader';
import { EmptyDatabase, ErrorState, Loading } from '../components/common/States';
import { ApiRequestError } from '../lib/api';
import { formatDay } from '../lib/format';
import { useI18n } from '../lib/i18n';
import { reportMessages } from '../lib/messages/report';
import { reportDepartmentsCsvHref, reportDownloadHref, reportFragmentQuery, reportMonthsQuery } from '../lib/report-queries';
import { applyParams, navigate, reportMonthOf, reportPath, useFilters, useLocation } from '../lib/url-state';

/** The month picker's label: "Oktober 2026". */
function monthLabel(month: string, locale: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
}

export function ReportPage() {
  const { lang, locale } = useI18n();
  const m = reportMessages[lang];
  const { path, search } = useLocation();
  const [filters] = useFilters();
  const asked = reportMonthOf(path.replace(/\/+$/, ''));
  const months = useQuery(reportMonthsQuery());
  const month = asked ?? null;
  const groupFilters = { department: filters.department, location: filters.location };
  const report = useQuery({ ...reportFragmentQuery(month ?? '', lang, groupFilters), enabled: month !== null });
  const pickerId = useId();

  // /report without a month: go to the latest complete month (replacing the history entry).
  useEffect(() => {
    if (!asked && months.data?.latest) navigate(reportPath(months.data.latest) + search, { replace: true });
  }, [asked, months.data, search]);

  // While this page is shown, printing leaves out the dashboard's shell (styles.css, print).
  useEffect(() => {
    document.body.classList.add('report-view');
    return () => document.body.classList.remove('report-view');
  }, []);

  const header = (
    <PageHeader title={m.title} intro={m.intro}>
      {month && report.data ? (
        <>
          <a className="button" href={reportDepartmentsCsvHref(month, groupFilters)} download data-testid="report-csv">
            {m.departmentsCsv}
          </a>
          <a className="button" href={reportDownloadHref(month, lang, groupFilters)} download title={m.downloadHint} data-testid="report-download">
            {m.download}
          </a>
          <button type="button" className="button primary" onClick={() => window.print()} data-testid="report-print">
            {m.print}
          </button>
        </>
      ) : null}
    </PageHeader>
  );

  const withHeader = (content: ReactNode) => (
    <>
      {header}
      {content}
    </>
  );
  if (months.isPending) return withHeader(<Loading lines={6} label={m.loading} />);
  if (months.isError) return withHeader(<ErrorState error={months.error} onRetry={() => void months.refetch()} />);
  if (months.data.months.length === 0) return withHeader(<EmptyDatabase />);

  const { dataPeriod } = months.data;
  const options = months.data.months.includes(month ?? '') || !month ? months.data.months : [...months.data.months, month];
  const picker = (
    <div className="report-toolbar">
      <label htmlFor={pickerId}>{m.month}</label>
      <select
        id={pickerId}
        value={month ?? ''}
        data-testid="report-month"
        onChange={(e) => navigate(reportPath(e.target.value) + applyParams(search, {}))}
      >
        {[...options].reverse().map((option) => (
          <option key={option} value={option}>
            {monthLabel(option, locale)}
            {dataPeriod.to && option === dataPeriod.to.slice(0, 7) && option !== months.data.latest ? ` (${m.incomplete})` : ''}
          </option>
        ))}
      </select>
    </div>
  );

  let body: ReactNode;
  if (!month || report.isPending) body = <Loading lines={8} label={m.loading} />;
  else if (report.isError) {
    const outside = report.error instanceof ApiRequestError && report.error.status === 404;
    body = outside ? (
      <div className="state state-empty" data-testid="report-outside">
        <h2>{m.notFoundTitle}</h2>
        <p>{m.notFoundText(formatDay(dataPeriod.from, locale), formatDay(dataPeriod.to, locale))}</p>
        {months.data.latest ? (
          <button type="button" className="button primary" onClick={() => navigate(reportPath(months.data.latest!) + search)}>
            {m.latest}
          </button>
        ) : null}
      </div>
    ) : (
      <ErrorState error={report.error} onRetry={() => void report.refetch()} />
    );
  } else {
    // The server's renderer escapes every text; the fragment is a scoped <style> and an <article>.
    body = <div className="report-frame" data-testid="report" dangerouslySetInnerHTML={{ __html: report.data }} />;
  }

  return (
    <>
      {header}
      {picker}
      {body}
    </>
  );
}
