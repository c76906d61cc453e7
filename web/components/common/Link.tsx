import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { keepShared, navigate, useLocation } from '../../lib/url-state';

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string };

/**
 * An in-app link: navigates without a reload and carries the shared view parameters (period,
 * groups, language) to the next page. Modified clicks (new tab, ...) behave like normal links.
 */
export function Link({ to, onClick, children, ...rest }: LinkProps) {
  const { path, search } = useLocation();
  const href = to + keepShared(search);
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
    window.scrollTo(0, 0);
  };
  return (
    <a href={href} onClick={handleClick} aria-current={path === to ? 'page' : undefined} {...rest}>
      {children}
    </a>
  );
}
