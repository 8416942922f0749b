import { useCallback, useEffect, useState } from 'react';
import type { Client, Installation, Result } from '../../../electron/shared/contract';
import { api } from '../api';

type Failure = Extract<Result<unknown>, { ok: false }>['error'];

export interface Directory {
  clients: Client[] | null;
  clientsError: Failure | null;
  /** Installations per client id, once loaded. */
  installations: Record<number, Installation[]>;
  installationsError: Record<number, Failure>;
  reloadClients(): Promise<void>;
  reloadInstallations(clientId: number): Promise<void>;
}

/** The clients and the installations of the clients that were opened, shared by the sidebar and the views. */
export function useDirectory(openClientId: number | null): Directory {
  const [clients, setClients] = useState<Client[] | null>(null);
  const [clientsError, setClientsError] = useState<Failure | null>(null);
  const [installations, setInstallations] = useState<Record<number, Installation[]>>({});
  const [installationsError, setInstallationsError] = useState<Record<number, Failure>>({});

  const reloadClients = useCallback(async () => {
    const result = await api['clients:list']({});
    if (result.ok) {
      setClients(result.value);
      setClientsError(null);
    } else {
      setClientsError(result.error);
    }
  }, []);

  const reloadInstallations = useCallback(async (clientId: number) => {
    const result = await api['installations:list']({ clientId });
    if (result.ok) {
      setInstallations((all) => ({ ...all, [clientId]: result.value }));
      setInstallationsError((all) => {
        const { [clientId]: _gone, ...rest } = all;
        return rest;
      });
    } else {
      setInstallationsError((all) => ({ ...all, [clientId]: result.error }));
    }
  }, []);

  useEffect(() => {
    void reloadClients();
  }, [reloadClients]);

  const loaded = openClientId !== null && openClientId in installations;
  useEffect(() => {
    if (openClientId !== null && !loaded) void reloadInstallations(openClientId);
  }, [openClientId, loaded, reloadInstallations]);

  return { clients, clientsError, installations, installationsError, reloadClients, reloadInstallations };
}
