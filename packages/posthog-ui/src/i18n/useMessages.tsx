import { createContext, type ReactNode, useContext, useMemo } from 'react'
import { defaultMessages, type Messages } from './messages'

const MessagesContext = createContext<Messages>(defaultMessages)

/** Overrides for any subset of the kit's messages (nested groups may be given in part). */
export type Labels = Partial<
  Omit<
    Messages,
    | 'weekdays'
    | 'connectionErrors'
    | 'rejectReasons'
    | 'resolverLabels'
    | 'statusLabels'
    | 'skipReasons'
    | 'grainLabels'
  >
> & {
  statusLabels?: Partial<Messages['statusLabels']>
  skipReasons?: Partial<Messages['skipReasons']>
  grainLabels?: Partial<Messages['grainLabels']>
  rejectReasons?: Record<string, string>
  resolverLabels?: Record<string, string>
  weekdays?: Partial<Messages['weekdays']>
  connectionErrors?: Partial<Messages['connectionErrors']>
}

/** Supplies messages to the kit's components; the provider renders it from its `labels` prop. */
export function MessagesProvider({ labels, children }: { labels: Labels | undefined; children: ReactNode }) {
  const messages = useMemo<Messages>(
    () => ({
      ...defaultMessages,
      ...labels,
      weekdays: { ...defaultMessages.weekdays, ...labels?.weekdays },
      connectionErrors: { ...defaultMessages.connectionErrors, ...labels?.connectionErrors },
      rejectReasons: { ...defaultMessages.rejectReasons, ...labels?.rejectReasons },
      resolverLabels: { ...defaultMessages.resolverLabels, ...labels?.resolverLabels },
      statusLabels: { ...defaultMessages.statusLabels, ...labels?.statusLabels },
      skipReasons: { ...defaultMessages.skipReasons, ...labels?.skipReasons },
      grainLabels: { ...defaultMessages.grainLabels, ...labels?.grainLabels },
    }),
    [labels],
  )
  return <MessagesContext.Provider value={messages}>{children}</MessagesContext.Provider>
}

/** The kit's messages; English defaults outside a provider, so props-only components work alone. */
export function useMessages(): Messages {
  return useContext(MessagesContext)
}
