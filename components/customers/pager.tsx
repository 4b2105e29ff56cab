import Link from "next/link";

type Props = {
  label: string;
  previousHref: string | null;
  nextHref: string | null;
  /** Shown while not on the first page. */
  firstHref?: string | null;
  previousText?: string;
  nextText?: string;
};

/** Previous / Next links of a keyset-paged list; a missing link is shown disabled, so the bar never jumps. */
export function Pager({
  label,
  previousHref,
  nextHref,
  firstHref,
  previousText = "Previous",
  nextText = "Next",
}: Props) {
  return (
    <nav aria-label={label} className="mt-4 flex items-center justify-between gap-3 text-sm">
      <div className="flex items-center gap-3">
        <PagerLink href={previousHref} text={`← ${previousText}`} />
        {firstHref && previousHref ? (
          <Link href={firstHref} className="text-slate-600 hover:text-slate-900 hover:underline">
            First page
          </Link>
        ) : null}
      </div>
      <PagerLink href={nextHref} text={`${nextText} →`} />
    </nav>
  );
}

function PagerLink({ href, text }: { href: string | null; text: string }) {
  const base = "rounded-md border px-3 py-1.5 font-medium";
  if (!href) {
    return (
      <span aria-disabled="true" className={`${base} border-slate-200 text-slate-400`}>
        {text}
      </span>
    );
  }
  return (
    <Link href={href} className={`${base} border-slate-300 bg-white text-slate-800 hover:bg-slate-50`}>
      {text}
    </Link>
  );
}
