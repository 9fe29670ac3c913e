import { Link } from "react-router";

/** The platform's mark and name; `subtitle` names the face the user is on. */
export function Brand({ subtitle, to = "/" }: { subtitle: string; to?: string }) {
  return (
    <Link to={to} className="brand" aria-label={`办事不求人 ${subtitle}`}>
      <span className="brand-mark" aria-hidden="true">
        办
      </span>
      <span className="brand-text">
        <span className="brand-name">办事不求人</span>
        <span className="brand-sub">{subtitle}</span>
      </span>
    </Link>
  );
}

/** Lets keyboard users jump past the header straight to the page's content. */
export function SkipLink() {
  return (
    <a className="skip-link" href="#main">
      跳到主要内容
    </a>
  );
}
