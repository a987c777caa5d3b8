import { MARK_PATH, MARK_COLOUR } from './mark'

/** Lägesbild's own mark (also the favicon): shown where no organisation logo is configured. */
export function ProductMark({ size }: { size: number }) {
  return (
    <svg className="lagesbild-mark" width={size} height={size} viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="6" fill={MARK_COLOUR} />
      <path d={MARK_PATH} fill="#fff" />
    </svg>
  )
}
