import {
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  type MessageBarProps,
  MessageBarTitle,
} from "@fluentui/react-components";
import { type ReactNode, useId } from "react";

/**
 * Fluent's MessageBar names itself by its title's id even when it has no title (aria-labelledby then
 * points at nothing: a group without a name). This one is named by its own body, which holds the title
 * when there is one, so a screen reader entering the group hears what it says.
 */
export function Bar({
  intent,
  layout,
  role,
  title,
  actions,
  children,
}: {
  intent: MessageBarProps["intent"];
  layout?: MessageBarProps["layout"];
  role?: string;
  title?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const id = useId();
  return (
    // Fluent spreads our props over its own role ("group"): pass a role only when there is one.
    <MessageBar intent={intent} layout={layout} {...(role ? { role } : {})} aria-labelledby={id}>
      <MessageBarBody id={id}>
        {title && <MessageBarTitle>{title}</MessageBarTitle>}
        {children}
      </MessageBarBody>
      {actions && <MessageBarActions>{actions}</MessageBarActions>}
    </MessageBar>
  );
}
