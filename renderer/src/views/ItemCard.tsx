import { useId } from 'react';
import type { CheckView, ItemView, RunFindingView } from '../../../electron/shared/contract';
import { SeverityBadge, StatusBadge } from '../components/Badges';
import { useI18n } from '../i18n/context';
import type { EvidenceRef } from './evidence/EvidenceDialog';
import { CheckFindings } from './findings/CheckFindings';
import { JudgementBox, type JudgementActions } from './judgement/JudgementBox';

interface ItemCardProps {
  item: ItemView;
  expanded: boolean;
  onToggle(): void;
  evidenceBySha: ReadonlyMap<string, EvidenceRef>;
  onOpenEvidence(sha256: string): void;
  /** The auditor's judgement per check; absent while the run is still running. */
  judgements?: JudgementActions;
  /** The tracked findings beside each check; absent while the run is still running. */
  findings?: FindingLinks;
}

export interface FindingLinks {
  of(checkId: string): readonly RunFindingView[];
  onOpen(link: RunFindingView): void;
}

/** One checklist item: a disclosure button in a heading; its panel holds the texts and every check. */
export function ItemCard({ item, expanded, onToggle, evidenceBySha, onOpenEvidence, judgements, findings }: ItemCardProps) {
  const { t } = useI18n();
  const panelId = useId();
  return (
    <li className={`item item-${item.status}`}>
      <h3 className="item-heading">
        <button type="button" className="item-toggle" aria-expanded={expanded} aria-controls={panelId} onClick={onToggle}>
          <span className="item-chevron" aria-hidden="true">
            {expanded ? '▾' : '▸'}
          </span>
          <span className="item-number">
            <span className="visually-hidden">{t.run.itemNumber(item.number)}: </span>
            <span aria-hidden="true">{item.number}</span>
          </span>
          <span className="item-title">{item.title}</span>
          <span className="item-badges">
            <StatusBadge status={item.status} />
            <SeverityBadge severity={item.severity} />
          </span>
        </button>
      </h3>
      <div id={panelId} className="item-body" hidden={!expanded}>
        {expanded && (
          <>
            <h4>{t.run.description}</h4>
            <p className="prewrap">{item.description}</p>
            {item.gdpr.length > 0 && (
              <>
                <h4>{t.run.gdpr}</h4>
                <ul className="tag-list">
                  {item.gdpr.map((article) => (
                    <li key={article} className="tag">
                      {article}
                    </li>
                  ))}
                </ul>
              </>
            )}
            <h4>{t.run.advice}</h4>
            <p className="prewrap">{item.advice}</p>
            <h4>{t.run.checks}</h4>
            <ul className="check-list">
              {item.checks.map((check) => (
                <CheckEntry key={check.checkId} check={check} evidenceBySha={evidenceBySha} onOpenEvidence={onOpenEvidence} judgements={judgements} findings={findings} />
              ))}
            </ul>
          </>
        )}
      </div>
    </li>
  );
}

function CheckEntry({ check, evidenceBySha, onOpenEvidence, judgements, findings }: { check: CheckView } & Pick<ItemCardProps, 'evidenceBySha' | 'onOpenEvidence' | 'judgements' | 'findings'>) {
  const { t } = useI18n();
  return (
    <li className={`check check-${check.status}`}>
      <div className="check-head">
        <h5 className="check-title">{check.title}</h5>
        <StatusBadge status={check.status} />
      </div>
      {check.manual !== null ? (
        <div className="check-manual">
          <p className="label">{t.run.manualInstructions}</p>
          <p className="prewrap">{check.manual}</p>
        </div>
      ) : (
        <div className="check-message">
          <p className="label">{t.run.message}</p>
          <p className="prewrap">{check.message}</p>
        </div>
      )}
      <p className="label">{t.run.evidence}</p>
      {check.evidence.length === 0 ? (
        <p className="muted">{t.run.noEvidence}</p>
      ) : (
        <ul className="evidence-list">
          {check.evidence.map((sha) => {
            const ref = evidenceBySha.get(sha);
            const summary = ref?.summary ?? sha;
            return (
              <li key={sha}>
                <button type="button" className="evidence-button" aria-label={t.run.openEvidence(summary)} onClick={() => onOpenEvidence(sha)}>
                  <span className="evidence-kind">{ref ? (t.evidence.kinds[ref.kind] ?? ref.kind) : t.evidence.title}</span>
                  <span className="evidence-summary">{summary}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {findings && <CheckFindings links={findings.of(check.checkId)} onOpen={findings.onOpen} />}
      {judgements && <JudgementBox check={check} actions={judgements} />}
    </li>
  );
}
